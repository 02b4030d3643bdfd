import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type EmulatorFixture,
  fetchToken,
  type ProvisionedTestEnvironment,
  provisionEnvironment,
  send,
  startEmulatorFixture,
} from "../support/emulator-harness.js";

describe("environments", () => {
  let fixture: EmulatorFixture;
  let organizationAdmin: ProvisionedTestEnvironment;
  let adminToken: string;

  beforeAll(async () => {
    fixture = await startEmulatorFixture({}, { name: "Alpha Production", region: "NA" });
    await provisionEnvironment(fixture.url, { name: "Alpha Staging", region: "EU" });
    await provisionEnvironment(fixture.url, { name: "Beta", region: "AP" });
    organizationAdmin = await provisionEnvironment(fixture.url, {
      name: "Org Admin Home",
      roles: ["Organization Admin"],
    });
    adminToken = await fetchToken(organizationAdmin);
  });
  afterAll(() => fixture.stop());

  const list = (query: string, token = adminToken) =>
    send("GET", `${fixture.url}/v1/environments${query}`, { token });

  it("shows an environment-level worker only its own environment", async () => {
    const result = await list("", fixture.token);
    expect(result.status).toBe(200);
    expect(result.body.count).toBe(1);
    expect(result.body._embedded.environments[0]).toMatchObject({
      id: fixture.environment.environmentId,
      name: "Alpha Production",
      type: "SANDBOX",
      region: "NA",
      status: "ACTIVE",
      license: { id: expect.any(String) },
      organization: { id: expect.any(String) },
      _links: { self: { href: `${fixture.url}/v1/environments/${fixture.environment.environmentId}` } },
    });
  });

  it("shows an Organization Admin every environment, paged with an opaque cursor", async () => {
    const all = await list("");
    expect(all.body.count).toBe(4);
    const first = await list("?limit=3");
    expect(first.body.size).toBe(3);
    expect(first.body.count).toBe(4);
    const next = first.body._links.next.href as string;
    expect(next).toContain("cursor=");
    const second = await send("GET", next, { token: adminToken });
    expect(second.body.size).toBe(1);
    expect(second.body._links.next).toBeUndefined();
    const ids = [...first.body._embedded.environments, ...second.body._embedded.environments].map(
      (environment: { id: string }) => environment.id,
    );
    expect(new Set(ids).size).toBe(4);
  });

  it("filters by name sw, id eq, status eq, organization.id eq, license.id eq and and", async () => {
    const byName = await list(`?filter=${encodeURIComponent('name sw "Alpha"')}`);
    expect(
      byName.body._embedded.environments.map((environment: { name: string }) => environment.name).sort(),
    ).toEqual(["Alpha Production", "Alpha Staging"]);
    const byId = await list(`?filter=${encodeURIComponent(`id eq "${fixture.environment.environmentId}"`)}`);
    expect(byId.body.count).toBe(1);
    const organizationId = byId.body._embedded.environments[0].organization.id as string;
    const licenseId = byId.body._embedded.environments[0].license.id as string;
    const combined = await list(
      `?filter=${encodeURIComponent(`organization.id eq "${organizationId}" and license.id eq "${licenseId}" and status eq "ACTIVE" and name sw "Beta"`)}`,
    );
    expect(combined.body.count).toBe(1);
  });

  it("refuses unsupported filters, bad limits and foreign cursors with 400", async () => {
    const orFilter = await list(`?filter=${encodeURIComponent('name sw "A" or name sw "B"')}`);
    expect(orFilter.status).toBe(400);
    expect(orFilter.body).toMatchObject({
      code: "INVALID_DATA",
      details: [{ code: "INVALID_FILTER", target: "filter" }],
    });
    const badOperator = await list(`?filter=${encodeURIComponent('name eq "Beta"')}`);
    expect(badOperator.status).toBe(400);
    expect((await list("?limit=0")).status).toBe(400);
    expect((await list("?limit=abc")).status).toBe(400);
    const page = await list("?limit=1");
    const cursor = new URL(page.body._links.next.href).searchParams.get("cursor") as string;
    const replayed = await list(`?limit=2&cursor=${cursor}`);
    expect(replayed.status).toBe(400);
    expect(replayed.body.code).toBe("INVALID_REQUEST");
    expect((await list("?cursor=%%%")).status).toBe(400);
  });

  it("reads one environment: own for environment admins, any for Organization Admin", async () => {
    const own = await send("GET", `${fixture.url}/v1/environments/${fixture.environment.environmentId}`, {
      token: fixture.token,
    });
    expect(own.status).toBe(200);
    const other = await send("GET", `${fixture.url}/v1/environments/${organizationAdmin.environmentId}`, {
      token: fixture.token,
    });
    expect(other.status).toBe(403);
    const asAdmin = await send("GET", `${fixture.url}/v1/environments/${fixture.environment.environmentId}`, {
      token: adminToken,
    });
    expect(asAdmin.status).toBe(200);
    const missing = await send("GET", `${fixture.url}/v1/environments/${crypto.randomUUID()}`, {
      token: adminToken,
    });
    expect(missing.status).toBe(404);
  });

  it("embeds the bill of materials with expand=billOfMaterials and refuses other expansions", async () => {
    const plain = await list("");
    expect(plain.body._embedded.environments[0].billOfMaterials).toBeUndefined();
    const expanded = await list("?expand=billOfMaterials");
    for (const environment of expanded.body._embedded.environments) {
      expect(environment.billOfMaterials).toEqual({
        products: [{ id: expect.any(String), type: "PING_ONE_BASE" }],
      });
    }
    const one = await send(
      "GET",
      `${fixture.url}/v1/environments/${fixture.environment.environmentId}?expand=billOfMaterials`,
      { token: fixture.token },
    );
    const again = await send(
      "GET",
      `${fixture.url}/v1/environments/${fixture.environment.environmentId}?expand=billOfMaterials`,
      { token: fixture.token },
    );
    expect(one.body.billOfMaterials).toEqual(again.body.billOfMaterials);
    const unknown = await list("?expand=users");
    expect(unknown.status).toBe(400);
    expect(unknown.body.details[0]).toMatchObject({ code: "INVALID_PARAMETER", target: "expand" });
  });

  it("refuses workers without an admin role", async () => {
    const none = await provisionEnvironment(fixture.url, { roles: [] });
    const token = await fetchToken(none);
    const result = await send("GET", `${fixture.url}/v1/environments`, { token });
    expect(result.status).toBe(403);
  });
});

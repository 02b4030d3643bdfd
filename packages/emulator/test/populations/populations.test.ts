import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmulatorFixture, startEmulatorFixture } from "../support/emulator-harness.js";

describe("populations", () => {
  let fixture: EmulatorFixture;
  let defaultPopulationId: string;
  let basicPolicyId: string;

  beforeAll(async () => {
    fixture = await startEmulatorFixture();
    const list = await fixture.api("GET", "/populations");
    defaultPopulationId = list.body._embedded.populations[0].id;
    basicPolicyId = fixture.emulator.db
      .prepare("SELECT id FROM password_policies WHERE environment_id = ? AND name = 'Basic'")
      .pluck()
      .get(fixture.environment.environmentId) as string;
  });
  afterAll(() => fixture.stop());

  it("starts with one default population", async () => {
    const list = await fixture.api("GET", "/populations");
    expect(list.body).toMatchObject({ count: 1, size: 1 });
    expect(list.body._embedded.populations[0]).toMatchObject({
      name: "Default",
      default: true,
      userCount: 0,
      alternativeIdentifiers: [],
      environment: { id: fixture.environment.environmentId },
    });
  });

  it("creates, reads, replaces and deletes a population with alternative identifiers and a password policy", async () => {
    const created = await fixture.api("POST", "/populations", {
      body: {
        name: "Partners",
        description: "External partners",
        alternativeIdentifiers: ["partners.example.com", "PRT"],
        passwordPolicy: { id: basicPolicyId },
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.any(String),
      name: "Partners",
      description: "External partners",
      default: false,
      alternativeIdentifiers: ["partners.example.com", "PRT"],
      passwordPolicy: { id: basicPolicyId },
      userCount: 0,
      _links: { self: { href: expect.stringContaining(`/populations/${created.body.id}`) } },
    });
    const id = created.body.id as string;
    expect((await fixture.api("GET", `/populations/${id}`)).body).toEqual(created.body);

    const replaced = await fixture.api("PUT", `/populations/${id}`, { body: { name: "Partners EU" } });
    expect(replaced.status).toBe(200);
    expect(replaced.body.name).toBe("Partners EU");
    expect(replaced.body.description).toBeUndefined();
    expect(replaced.body.passwordPolicy).toBeUndefined();
    expect(replaced.body.alternativeIdentifiers).toEqual([]);

    expect((await fixture.api("DELETE", `/populations/${id}`)).status).toBe(204);
    expect((await fixture.api("GET", `/populations/${id}`)).status).toBe(404);
  });

  it("moves the default flag to another population", async () => {
    const created = await fixture.api("POST", "/populations", {
      body: { name: "New Default", default: true },
    });
    expect(created.body.default).toBe(true);
    expect((await fixture.api("GET", `/populations/${defaultPopulationId}`)).body.default).toBe(false);
    const restored = await fixture.api("PUT", `/populations/${defaultPopulationId}`, {
      body: { name: "Default", default: true },
    });
    expect(restored.body.default).toBe(true);
    expect((await fixture.api("GET", `/populations/${created.body.id}`)).body.default).toBe(false);
    const undefault = await fixture.api("PUT", `/populations/${defaultPopulationId}`, {
      body: { name: "Default", default: false },
    });
    expect(undefault.status).toBe(400);
  });

  it("counts users and refuses to delete a population with users or the default one", async () => {
    const population = await fixture.api("POST", "/populations", { body: { name: "Staffed" } });
    await fixture.api("POST", "/users", {
      body: { username: "staff", email: "s@example.com", population: { id: population.body.id } },
    });
    expect((await fixture.api("GET", `/populations/${population.body.id}`)).body.userCount).toBe(1);
    const refused = await fixture.api("DELETE", `/populations/${population.body.id}`);
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe("REQUEST_FAILED");
    expect((await fixture.api("DELETE", `/populations/${defaultPopulationId}`)).status).toBe(400);
  });

  it("filters by name sw and id eq", async () => {
    await fixture.api("POST", "/populations", { body: { name: "Filter Alpha" } });
    const beta = await fixture.api("POST", "/populations", { body: { name: "Filter Beta" } });
    const byName = await fixture.api("GET", `/populations?filter=${encodeURIComponent('name sw "Filter"')}`);
    expect(byName.body.count).toBe(2);
    const byId = await fixture.api(
      "GET",
      `/populations?filter=${encodeURIComponent(`id eq "${beta.body.id}"`)}`,
    );
    expect(byId.body._embedded.populations.map((population: { name: string }) => population.name)).toEqual([
      "Filter Beta",
    ]);
    const unsupported = await fixture.api(
      "GET",
      `/populations?filter=${encodeURIComponent('description eq "x"')}`,
    );
    expect(unsupported.status).toBe(400);
    expect(unsupported.body.details[0].code).toBe("INVALID_FILTER");
  });

  it("refuses duplicate names, unknown policies, unknown and read-only fields", async () => {
    const before = (await fixture.api("GET", "/populations")).body.count;
    const duplicate = await fixture.api("POST", "/populations", { body: { name: "default" } });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.details[0]).toMatchObject({ code: "UNIQUENESS_VIOLATION", target: "name" });
    const policy = await fixture.api("POST", "/populations", {
      body: { name: "Bad Policy", passwordPolicy: { id: crypto.randomUUID() } },
    });
    expect(policy.status).toBe(400);
    expect(policy.body.details[0].target).toBe("passwordPolicy.id");
    const readOnly = await fixture.api("POST", "/populations", { body: { name: "RO", userCount: 5 } });
    expect(readOnly.status).toBe(400);
    const noName = await fixture.api("POST", "/populations", { body: { description: "nameless" } });
    expect(noName.body.details[0]).toMatchObject({ code: "REQUIRED_VALUE", target: "name" });
    expect((await fixture.api("GET", "/populations")).body.count).toBe(before);
  });
});

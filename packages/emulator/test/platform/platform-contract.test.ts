import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectCollection, expectMatchesSchema, expectPingOneError } from "../contract/schema-validators.js";
import {
  type EmulatorFixture,
  fetchToken,
  provisionEnvironment,
  send,
  startEmulatorFixture,
} from "../support/emulator-harness.js";

/**
 * The platform's responses checked against the community and official OpenAPI schemas
 * (docs/emulator.md#contract-tests).
 */
describe("contract: environments, users, populations and errors", () => {
  let fixture: EmulatorFixture;
  let userId: string;

  beforeAll(async () => {
    fixture = await startEmulatorFixture({}, { customUserAttributes: ["badge"] });
    const created = await fixture.api("POST", "/users", {
      contentType: "application/vnd.pingidentity.user.import+json",
      body: {
        username: "contract",
        email: "contract@example.com",
        name: { given: "Con", family: "Tract", formatted: "Con Tract" },
        address: {
          streetAddress: "1 Main St",
          locality: "Town",
          region: "State",
          postalCode: "12345",
          countryCode: "US",
        },
        photo: { href: "https://example.com/photo.png" },
        timezone: "America/New_York",
        primaryPhone: "+1 555 0100",
        mobilePhone: "+1 555 0101",
        badge: "B1",
        emailVerified: true,
        lifecycle: { status: "ACCOUNT_OK" },
        password: "Zr5!tKw9#qLm",
      },
    });
    userId = created.body.id;
    expectMatchesSchema(created.body, "User");
  });
  afterAll(() => fixture.stop());

  it("users: one, locked, with include and expand, the list, enabled and population", async () => {
    expectMatchesSchema((await fixture.api("GET", `/users/${userId}`)).body, "User");
    const locked = await fixture.api("POST", `/users/${userId}`, {
      contentType: "application/vnd.pingidentity.account.lock+json",
      body: { unlockAt: new Date(Date.now() + 3_600_000).toISOString() },
    });
    expectMatchesSchema(locked.body, "User");
    const extras = await fixture.api("GET", `/users/${userId}?include=memberOfGroupIDs&expand=population`);
    expectMatchesSchema(extras.body, "User");
    expectMatchesSchema(extras.body._embedded.population, "Population");
    expectCollection((await fixture.api("GET", "/users?limit=1")).body, "users");
    expectMatchesSchema((await fixture.api("GET", `/users/${userId}/enabled`)).body, "UserEnabled");
    expectMatchesSchema((await fixture.api("GET", `/users/${userId}/population`)).body, "UserPopulation");
  });

  it("populations: one and the list", async () => {
    const created = await fixture.api("POST", "/populations", {
      body: { name: "Contract", description: "d", alternativeIdentifiers: ["c"] },
    });
    expectMatchesSchema(created.body, "Population");
    expectCollection((await fixture.api("GET", "/populations")).body, "populations");
  });

  // The community Environment schema types `region` as oneOf(enum, string), which no region value can
  // satisfy (it matches both); the official spec's EnvironmentResponse is the one to check against.
  it("environments: one and the list, against the official spec", async () => {
    const one = await send("GET", `${fixture.url}/v1/environments/${fixture.environment.environmentId}`, {
      token: fixture.token,
    });
    expectMatchesSchema(one.body, "EnvironmentResponse");
    const expanded = await send(
      "GET",
      `${fixture.url}/v1/environments/${fixture.environment.environmentId}?expand=billOfMaterials`,
      { token: fixture.token },
    );
    expectMatchesSchema(expanded.body, "EnvironmentResponse");
    const list = await send("GET", `${fixture.url}/v1/environments`, { token: fixture.token });
    expect(list.body).toMatchObject({ count: 1, size: 1, _links: { self: { href: expect.any(String) } } });
    for (const environment of list.body._embedded.environments)
      expectMatchesSchema(environment, "EnvironmentResponse");
  });

  it("errors of every status the platform produces match the official error schemas", async () => {
    const cases = [
      await fixture.api("POST", "/users", { body: { username: 1 } }),
      await fixture.api("GET", "/users?filter=bad%20filter"),
      await fixture.api("GET", "/users?cursor=xyz"),
      await fixture.api("POST", "/users", { rawBody: "{" }),
      await fixture.api("GET", "/users", { token: "expired-or-unknown" }),
      await fixture.api("GET", `/users/${crypto.randomUUID()}`),
      await fixture.api("POST", `/users/${userId}`, { body: {} }),
    ];
    const other = await provisionEnvironment(fixture.url, { roles: ["Environment Admin"] });
    cases.push(
      await send("GET", `${fixture.url}/v1/environments/${other.environmentId}/users`, {
        token: await fetchToken(other),
      }),
    );
    await send("POST", `${fixture.url}/_emulator/rate-limit`, {
      body: { environmentId: fixture.environment.environmentId, requestsPerSecond: 1 },
    });
    await fixture.api("GET", "/populations");
    cases.push(await fixture.api("GET", "/populations"));
    await send("POST", `${fixture.url}/_emulator/rate-limit`, {
      body: { environmentId: fixture.environment.environmentId, requestsPerSecond: null },
    });
    expect(cases.map((result) => result.status)).toEqual([400, 400, 400, 400, 401, 404, 415, 403, 429]);
    for (const result of cases) expectPingOneError(result.status, result.body);
  });
});

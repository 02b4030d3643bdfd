import { describe, expect, it } from "vitest";
import { CAPABILITIES } from "../../src/capabilities/index.js";
import { createConnector } from "../../src/connector.js";
import { invokeError, invokeOk } from "../support/capability-harness.js";
import { useEmulatorConnector } from "../support/emulator-connector.js";
import { createTestUser, requestCount, servedRequests } from "../support/emulator-environment.js";

const fixture = useEmulatorConnector({ client: { retry: { maxAttempts: 1 } } });

/** How many times the emulator served `method` on a route ending with `suffix`. */
async function served(method: string, suffix: string): Promise<number> {
  return (await servedRequests(fixture.env.url))
    .filter((entry) => entry.method === method && entry.route.endsWith(suffix))
    .reduce((sum, entry) => sum + entry.count, 0);
}

/** The user as PingOne stores it, read through the API rather than the code under test. */
async function stored(id: string): Promise<Record<string, unknown>> {
  const { client } = fixture.env;
  return (
    await client.request<Record<string, unknown>>({
      method: "GET",
      path: `/environments/${client.environmentId}/users/${id}`,
    })
  ).body;
}

// Values real DaVinci flow exports store, replayed with our own fixtures (issue 10).
describe("an untouched toggle", () => {
  it("is false: a Disable User node that stores no enabled disables the user", async () => {
    const user = await createTestUser(fixture.env.client);
    const node = { properties: { matchAttribute: "id", identifier: user.id } };
    const output = await invokeOk(fixture.connector, "enableUser", node);
    expect(output.user).toEqual({ enabled: false });
    expect((await stored(user.id)).enabled).toBe(false);
  });

  it("is false for every toggle the schema requires, and a given value is kept", () => {
    const connector = createConnector();
    const required = CAPABILITIES.flatMap((capability) =>
      Object.entries(capability.properties)
        .filter(([name, ui]) => ui.control === "toggleSwitch" && capability.input.required?.includes(name))
        .map(([name]) => ({ capability, name })),
    );
    expect(required.map(({ capability, name }) => `${capability.id}.${name}`)).toContain(
      "enableUser.enabled",
    );
    for (const { capability, name } of required) {
      const example = { ...(capability.examples[0] as Record<string, unknown>) };
      delete example[name];
      const report = connector.validate(capability.id, example);
      expect(report.problems, `${capability.id}.${name}`).toEqual([]);
    }
    const wrongType = connector.validate("enableUser", { identifier: "x", enabled: "yes" });
    expect(wrongType.problems.map((p) => p.path)).toContain("/enabled");
  });
});

describe("Other Attributes set through their own endpoint", () => {
  it("createUser puts mfaEnabled in the create body and sets enabled after it", async () => {
    const username = `registered-${Date.now()}`;
    const before = await served("PUT", "/enabled");
    const output = await invokeOk(fixture.connector, "createUser", {
      properties: {
        username,
        email: `${username}@example.com`,
        additionalUserProperties: [
          { name: "enabled", value: "false", preferredDataType: "string" },
          { name: "mfaEnabled", value: true, preferredDataType: "boolean" },
        ],
      },
    });
    expect(output.statusCode).toBe(201);
    expect(output.user).toMatchObject({ username, enabled: false, mfaEnabled: true });
    expect(output.rawResponse).toMatchObject({ enabled: false, mfaEnabled: true });
    expect(await served("PUT", "/enabled")).toBe(before + 1);
    expect(await served("PUT", "/mfaEnabled")).toBe(0);
    const user = await stored((output.user as { id: string }).id);
    expect(user).toMatchObject({ enabled: false, mfaEnabled: true });
  });

  it("updateUser sets mfaEnabled through PUT P/users/{id}/mfaEnabled, with nothing to PATCH", async () => {
    const user = await createTestUser(fixture.env.client, { name: { given: "Kept" } });
    const patches = await served("PATCH", "/users/:userId");
    const output = await invokeOk(fixture.connector, "updateUser", {
      properties: {
        matchAttribute: "username",
        identifier: user.username,
        additionalUserProperties: [{ name: "mfaEnabled", value: "true", preferredDataType: "string" }],
      },
    });
    expect(output.user).toMatchObject({ id: user.id, mfaEnabled: true, name: { given: "Kept" } });
    expect(await served("PUT", "/mfaEnabled")).toBeGreaterThan(0);
    expect(await served("PATCH", "/users/:userId")).toBe(patches);
    expect(await stored(user.id)).toMatchObject({ mfaEnabled: true, enabled: true });
  });

  it("updateUser patches, then sets mfaEnabled and enabled; the output is the user after all calls", async () => {
    const user = await createTestUser(fixture.env.client);
    const patches = await served("PATCH", "/users/:userId");
    const output = await invokeOk(fixture.connector, "updateUser", {
      identifier: user.id,
      given: "After",
      additionalUserProperties: [
        { name: "mfaEnabled", value: "TRUE" },
        { name: "enabled", value: false, preferredDataType: "boolean" },
      ],
    });
    expect(output.statusCode).toBe(200);
    expect(await served("PATCH", "/users/:userId")).toBe(patches + 1);
    expect(output.user).toMatchObject({ name: { given: "After" }, mfaEnabled: true, enabled: false });
    expect(output.rawResponse).toMatchObject({
      mfaEnabled: true,
      enabled: false,
      _links: expect.any(Object),
    });
    expect(await stored(user.id)).toMatchObject({
      name: { given: "After" },
      mfaEnabled: true,
      enabled: false,
    });
  });

  it("refuses a value that is not a boolean with invalidValue naming it, before any call", async () => {
    const user = await createTestUser(fixture.env.client);
    const before = await requestCount(fixture.env.url);
    const cases: [string, Record<string, unknown>, string][] = [
      [
        "updateUser",
        { identifier: user.id, additionalUserProperties: [{ name: "mfaEnabled", value: "yes" }] },
        "mfaEnabled",
      ],
      [
        "updateUser",
        { identifier: user.id, additionalUserProperties: [{ name: "enabled", value: 1 }] },
        "enabled",
      ],
      [
        "createUser",
        {
          username: `bad-${Date.now()}`,
          email: "bad@example.com",
          additionalUserProperties: [{ name: "enabled", value: "" }],
        },
        "enabled",
      ],
      [
        "createUser",
        {
          username: `bad-${Date.now()}`,
          email: "bad@example.com",
          additionalUserProperties: [{ name: "mfaEnabled" }],
        },
        "mfaEnabled",
      ],
    ];
    for (const [id, input, attribute] of cases) {
      const error = await invokeError(fixture.connector, id, input);
      expect(error.code, `${id} ${attribute}`).toBe("invalidValue");
      expect(error.message).toContain(`${attribute} must be true or false`);
    }
    expect(await requestCount(fixture.env.url)).toBe(before);
    expect(await stored(user.id)).toMatchObject({ mfaEnabled: false, enabled: true });
  });
});

describe("properties a capability does not use", () => {
  it("are accepted and reported as ignored; legacy and panel-only names are not", async () => {
    const user = await createTestUser(fixture.env.client);
    const node = {
      properties: {
        userId: user.id,
        population: "usePopulationId",
        lifecycleStatus: "ACCOUNT_OK",
        clearUserAttributesLink: null,
        given: "Flow",
      },
    };
    const result = await fixture.connector.invoke("updateUser", node);
    expect(result.ok).toBe(true);
    const ignored = [
      { path: "/properties/population", keyword: "ignoredProperty", message: "ignored property: population" },
      {
        path: "/properties/lifecycleStatus",
        keyword: "ignoredProperty",
        message: "ignored property: lifecycleStatus",
      },
    ];
    expect(result.warnings).toEqual(ignored);
    expect(fixture.connector.validate("updateUser", node)).toEqual({
      valid: true,
      problems: [],
      warnings: ignored,
    });
    const dry = await fixture.connector.invoke("updateUser", node, { dryRun: true });
    expect(dry.warnings).toEqual(ignored);
    const clean = await fixture.connector.invoke("readUser", { identifier: user.id });
    expect(clean.warnings).toBeUndefined();
  });
});

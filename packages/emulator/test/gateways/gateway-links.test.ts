import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectMatchesSchema, expectPingOneError } from "../contract/schema-validators.js";
import { type EmulatorFixture, send, startEmulatorFixture } from "../support/emulator-harness.js";
import { EMPLOYEES_USER_TYPE_ID, ldapGatewayBody } from "./gateway-bodies.js";

const IMPORT = "application/vnd.pingidentity.user.import+json";
const SET_GATEWAY = "application/vnd.pingidentity.password.setGateway+json";
const SET = "application/vnd.pingidentity.password.set+json";
const SET_VALUE = "application/vnd.pingidentity.password.setValue+json";
const PASSWORD = "Amber-Falcon-71";
const PING_ONE_USER_TYPE_ID = "7d1e9b40-2c3a-4f5b-8e6d-1a2b3c4d5e6f";

let fixture: EmulatorFixture;
let gatewayId: string;
let legacyUserTypeId: string;
let userCount = 0;

beforeAll(async () => {
  fixture = await startEmulatorFixture();
  const populationId = (await fixture.api("GET", "/populations")).body._embedded.populations[0].id;
  const body = ldapGatewayBody(populationId);
  body.userTypes.push({
    id: PING_ONE_USER_TYPE_ID,
    name: "Migrated",
    searchBaseDn: "ou=migrated,dc=example,dc=com",
    passwordAuthority: "PING_ONE",
    orderedCorrelationAttributes: ["uid"],
  });
  const created = await fixture.api("POST", "/gateways", { body });
  expect(created.status).toBe(201);
  gatewayId = created.body.id;
  legacyUserTypeId = created.body.userTypes[1].id;
});

afterAll(async () => {
  await fixture.stop();
});

const link = (
  userTypeId: string = EMPLOYEES_USER_TYPE_ID,
  correlationAttributes: Record<string, string> = { uid: "jdoe" },
) => ({
  id: gatewayId,
  userType: { id: userTypeId },
  correlationAttributes,
});

async function importUser(password: unknown) {
  userCount += 1;
  return fixture.api("POST", "/users", {
    contentType: IMPORT,
    body: { username: `linked-${userCount}`, email: `linked-${userCount}@example.com`, password },
  });
}

async function createPlainUser(): Promise<string> {
  const created = await importUser({ value: PASSWORD });
  expect(created.status).toBe(201);
  return created.body.id;
}

const passwordState = async (userId: string) => {
  const state = await fixture.api("GET", `/users/${userId}/password`);
  expect(state.status).toBe(200);
  expectMatchesSchema(state.body, "PasswordState");
  return state.body;
};

const countUsers = () => fixture.emulator.db.prepare("SELECT COUNT(*) FROM users").pluck().get() as number;

describe("users linked to an LDAP gateway", () => {
  it("imports a user whose password the gateway holds: status EXTERNAL, the link in the password state", async () => {
    const imported = await importUser({
      external: { gateway: { ...link(EMPLOYEES_USER_TYPE_ID.toUpperCase()), type: "LDAP" } },
    });
    expect(imported.status).toBe(201);
    // The user resource never carries the password, the link included.
    expect(imported.body).not.toHaveProperty("password");
    expect(imported.text).not.toContain("correlationAttributes");
    const state = await passwordState(imported.body.id);
    expect(state.status).toBe("EXTERNAL");
    expect(state).not.toHaveProperty("lastChangedAt");
    expect(state.external).toEqual({
      gateway: {
        id: gatewayId,
        type: "LDAP",
        userType: { id: EMPLOYEES_USER_TYPE_ID },
        correlationAttributes: { uid: "jdoe" },
      },
    });
  });

  it("refuses a link to a gateway or user type that does not exist, or a malformed one, and imports nothing", async () => {
    const before = countUsers();
    const cases: [unknown, string, string][] = [
      [{ ...link(), id: crypto.randomUUID() }, "INVALID_VALUE", "password.external.gateway.id"],
      [link(crypto.randomUUID()), "INVALID_VALUE", "password.external.gateway.userType.id"],
      [
        { id: gatewayId, userType: { id: EMPLOYEES_USER_TYPE_ID } },
        "REQUIRED_VALUE",
        "password.external.gateway.correlationAttributes",
      ],
      [link(EMPLOYEES_USER_TYPE_ID, {}), "INVALID_VALUE", "password.external.gateway.correlationAttributes"],
      [
        link(EMPLOYEES_USER_TYPE_ID, { "uid)(uid=*": "x" }),
        "INVALID_VALUE",
        "password.external.gateway.correlationAttributes.uid)(uid=*",
      ],
      [
        link(EMPLOYEES_USER_TYPE_ID, { uid: "" }),
        "INVALID_VALUE",
        "password.external.gateway.correlationAttributes.uid",
      ],
      [{ ...link(), type: "RADIUS" }, "INVALID_VALUE", "password.external.gateway.type"],
      [{ ...link(), extra: 1 }, "INVALID_VALUE", "password.external.gateway.extra"],
    ];
    for (const [gateway, code, target] of cases) {
      const refused = await importUser({ external: { gateway } });
      expect(refused.status, target).toBe(400);
      expectPingOneError(400, refused.body);
      expect(refused.body.details, target).toEqual([expect.objectContaining({ code, target })]);
    }
    const withValue = await importUser({ value: PASSWORD, external: { gateway: link() } });
    expect(withValue.status).toBe(400);
    expect(withValue.body.details[0]).toMatchObject({ code: "INVALID_VALUE", target: "password.value" });
    expect(countUsers()).toBe(before);
  });

  it("imports a PING_ONE-authority user with a password PingOne holds, the link kept for refreshes", async () => {
    const imported = await importUser({
      value: PASSWORD,
      external: { gateway: link(PING_ONE_USER_TYPE_ID) },
    });
    expect(imported.status).toBe(201);
    const state = await passwordState(imported.body.id);
    expect(state.status).toBe("OK");
    expect(state.external.gateway.userType.id).toBe(PING_ONE_USER_TYPE_ID);
  });

  it("links an existing user with password.setGateway: LDAP authority removes the PingOne password", async () => {
    const userId = await createPlainUser();
    expect((await passwordState(userId)).status).toBe("OK");
    const linked = await fixture.api("PUT", `/users/${userId}/password`, {
      contentType: SET_GATEWAY,
      body: link(legacyUserTypeId, { uid: "old.timer" }),
    });
    expect(linked.status).toBe(200);
    expectMatchesSchema(linked.body, "PasswordState");
    expect(linked.body.status).toBe("EXTERNAL");
    expect(linked.body).not.toHaveProperty("lastChangedAt");
    expect(linked.body.external.gateway).toEqual({
      id: gatewayId,
      type: "LDAP",
      userType: { id: legacyUserTypeId },
      correlationAttributes: { uid: "old.timer" },
    });
    const row = fixture.emulator.db.prepare("SELECT password_hash FROM users WHERE id = ?").get(userId) as {
      password_hash: string | null;
    };
    expect(row.password_hash).toBeNull();
  });

  it("keeps the PingOne password of a user linked to a PING_ONE-authority user type", async () => {
    const userId = await createPlainUser();
    const linked = await fixture.api("PUT", `/users/${userId}/password`, {
      contentType: SET_GATEWAY,
      body: link(PING_ONE_USER_TYPE_ID),
    });
    expect(linked.status).toBe(200);
    expect(linked.body.status).toBe("OK");
    expect(linked.body.external.gateway.userType.id).toBe(PING_ONE_USER_TYPE_ID);
    // PingOne's documented way to migrate such a user again: unset the PingOne password.
    const unset = await fixture.api("PUT", `/users/${userId}/password`, { contentType: SET_VALUE, body: {} });
    expect(unset.status).toBe(200);
    expect(unset.body.status).toBe("EXTERNAL");
    expect(unset.body.external.gateway.userType.id).toBe(PING_ONE_USER_TYPE_ID);
  });

  it("refuses a setGateway body that is incomplete or names nothing, and leaves the user as it was", async () => {
    const userId = await createPlainUser();
    const cases: [unknown, string, string][] = [
      [
        { userType: { id: EMPLOYEES_USER_TYPE_ID }, correlationAttributes: { uid: "x" } },
        "REQUIRED_VALUE",
        "id",
      ],
      [{ ...link(), id: crypto.randomUUID() }, "INVALID_VALUE", "id"],
      [link(crypto.randomUUID()), "INVALID_VALUE", "userType.id"],
      [
        { id: gatewayId, userType: { id: EMPLOYEES_USER_TYPE_ID } },
        "REQUIRED_VALUE",
        "correlationAttributes",
      ],
    ];
    for (const [body, code, target] of cases) {
      const refused = await fixture.api("PUT", `/users/${userId}/password`, {
        contentType: SET_GATEWAY,
        body,
      });
      expect(refused.status, target).toBe(400);
      expectPingOneError(400, refused.body);
      expect(refused.body.details, target).toEqual([expect.objectContaining({ code, target })]);
    }
    const state = await passwordState(userId);
    expect(state.status).toBe("OK");
    expect(state).not.toHaveProperty("external");

    const disabled = await fixture.api("PUT", `/users/${userId}/enabled`, { body: { enabled: false } });
    expect(disabled.status).toBe(200);
    const refused = await fixture.api("PUT", `/users/${userId}/password`, {
      contentType: SET_GATEWAY,
      body: link(),
    });
    expect(refused.status).toBe(400);
    expect(refused.body.details[0]).toMatchObject({
      code: "ACCOUNT_NOT_USABLE",
      innerError: { reason: "DISABLED" },
    });
  });

  it("moves the password into PingOne with password.set: an LDAP-authority link ends, a PING_ONE one stays", async () => {
    const ldapUser = await importUser({ external: { gateway: link() } });
    const setLdap = await fixture.api("PUT", `/users/${ldapUser.body.id}/password`, {
      contentType: SET,
      body: { value: PASSWORD, forceChange: false },
    });
    expect(setLdap.status).toBe(200);
    expect(setLdap.body.status).toBe("OK");
    expect(setLdap.body).not.toHaveProperty("external");

    const pingOneUser = await importUser({ external: { gateway: link(PING_ONE_USER_TYPE_ID) } });
    expect((await passwordState(pingOneUser.body.id)).status).toBe("EXTERNAL");
    const setPingOne = await fixture.api("PUT", `/users/${pingOneUser.body.id}/password`, {
      contentType: SET,
      body: { value: PASSWORD, forceChange: false },
    });
    expect(setPingOne.status).toBe(200);
    expect(setPingOne.body.status).toBe("OK");
    expect(setPingOne.body.external.gateway.userType.id).toBe(PING_ONE_USER_TYPE_ID);
  });

  it("seeds gateways before users, so seeded users link to them, and a reset removes them", async () => {
    const environmentId = crypto.randomUUID();
    const seeded = await send("POST", `${fixture.url}/_emulator/seed`, {
      body: {
        environments: [
          {
            id: environmentId,
            populations: [{ name: "Employees", default: true }],
            gateways: [
              {
                id: "0b6f3c1e-4d2a-4b5c-9e8f-7a6b5c4d3e2f",
                ...ldapGatewayBody("Employees"),
              },
            ],
            users: [
              {
                username: "seeded-ldap",
                email: "seeded-ldap@example.com",
                password: {
                  external: {
                    gateway: {
                      id: "0b6f3c1e-4d2a-4b5c-9e8f-7a6b5c4d3e2f",
                      userType: { id: EMPLOYEES_USER_TYPE_ID },
                      correlationAttributes: { uid: "seeded-ldap" },
                    },
                  },
                },
              },
            ],
          },
        ],
      },
    });
    expect(seeded.status, seeded.text).toBe(201);
    const stored = fixture.emulator.db
      .prepare("SELECT password_status FROM users WHERE environment_id = ?")
      .pluck()
      .get(environmentId);
    expect(stored).toBe("EXTERNAL");
    const gatewayRow = fixture.emulator.db
      .prepare("SELECT settings FROM gateways WHERE environment_id = ?")
      .pluck()
      .get(environmentId) as string;
    // The population named in the seed became its id.
    expect(JSON.parse(gatewayRow).userTypes[0].newUserLookup.population.id).toMatch(/^[0-9a-f-]{36}$/);

    const badSeed = await send("POST", `${fixture.url}/_emulator/seed`, {
      body: { environments: [{ gateways: [{ ...ldapGatewayBody("Nowhere") }] }] },
    });
    expect(badSeed.status).toBe(400);
    expect(badSeed.body.details[0].message).toBe(
      'Seed environments[0].gateways[0].userTypes[0]: no population "Nowhere"',
    );
  });
});

describe("a reset", () => {
  it("removes every gateway", async () => {
    const other = await startEmulatorFixture();
    try {
      const populationId = (await other.api("GET", "/populations")).body._embedded.populations[0].id;
      expect((await other.api("POST", "/gateways", { body: ldapGatewayBody(populationId) })).status).toBe(
        201,
      );
      expect((await send("POST", `${other.url}/_emulator/reset`)).status).toBe(204);
      expect(other.emulator.db.prepare("SELECT COUNT(*) FROM gateways").pluck().get()).toBe(0);
    } finally {
      await other.stop();
    }
  });
});

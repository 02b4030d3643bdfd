import { type Slapd, startSlapd, userEntry } from "pingone-test-servers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectMatchesSchema, expectPingOneError } from "../contract/schema-validators.js";
import { type EmulatorFixture, type HttpResult, startEmulatorFixture } from "../support/emulator-harness.js";
import { EMPLOYEES_USER_TYPE_ID, ldapGatewayBody } from "./gateway-bodies.js";

// Password checks of gateway users against a real OpenLDAP (docs/emulator-gateways.md#password-checks).
const USERS = "ou=users,dc=example,dc=com";
const MIGRATED = "ou=migrated,dc=example,dc=com";
const IMPORT = "application/vnd.pingidentity.user.import+json";
const CHECK = "application/vnd.pingidentity.password.check+json";
const SET = "application/vnd.pingidentity.password.set+json";
const SET_GATEWAY = "application/vnd.pingidentity.password.setGateway+json";
const UNLOCK = "application/vnd.pingidentity.password.unlock";
const JANE_PASSWORD = "Jane's pw 1";
const MIGRATED_USER_TYPE_ID = "9c4b7e20-1d3f-4a6b-8c5d-2e3f4a5b6c7d";
// Short enough that a hung directory fails the check within the test's patience.
const TIMEOUTS = { gatewayConnectTimeoutMs: 800, gatewayOperationTimeoutMs: 800 };

let slapd: Slapd;
let fixture: EmulatorFixture;
let populationId: string;
let gatewayId: string;
let userCount = 0;

beforeAll(async () => {
  slapd = await startSlapd({
    baseDns: [USERS, MIGRATED],
    entries: [
      userEntry(USERS, {
        uid: "jdoe",
        givenName: "Jane",
        sn: "Doe",
        mail: "jdoe@example.com",
        password: JANE_PASSWORD,
      }),
      userEntry(USERS, { uid: "twin.a", mail: "twins@example.com", password: "twin-pw" }),
      userEntry(USERS, { uid: "twin.b", mail: "twins@example.com", password: "twin-pw" }),
      userEntry(MIGRATED, { uid: "mover", mail: "mover@example.com", password: "Mover-Pw-2024!" }),
    ],
  });
  fixture = await startEmulatorFixture({ settings: TIMEOUTS });
  populationId = (await fixture.api("GET", "/populations")).body._embedded.populations[0].id;
  gatewayId = await createGateway();
});

afterAll(async () => {
  await fixture?.stop();
  await slapd?.stop();
});

/** A gateway on the test's slapd with the Employees user type (LDAP) and Migrated (PING_ONE). */
async function createGateway(overrides: Record<string, unknown> = {}): Promise<string> {
  const body = ldapGatewayBody(populationId, {
    name: `slapd ${crypto.randomUUID().slice(0, 8)}`,
    serversHostAndPort: [slapd.hostAndPort],
    bindDN: slapd.bindDn,
    bindPassword: slapd.bindPassword,
    ...overrides,
  });
  body.userTypes = [
    body.userTypes[0] as Record<string, unknown>,
    {
      id: MIGRATED_USER_TYPE_ID,
      name: "Migrated",
      searchBaseDn: MIGRATED,
      passwordAuthority: "PING_ONE",
      orderedCorrelationAttributes: ["uid"],
    },
  ];
  const created = await fixture.api("POST", "/gateways", { body });
  expect(created.status, created.text).toBe(201);
  return created.body.id;
}

async function importLinked(
  correlationAttributes: Record<string, string>,
  options: { gateway?: string; userType?: string } = {},
): Promise<string> {
  userCount += 1;
  const imported = await fixture.api("POST", "/users", {
    contentType: IMPORT,
    body: {
      username: `gw-user-${userCount}`,
      email: `gw-user-${userCount}@example.com`,
      password: {
        external: {
          gateway: {
            id: options.gateway ?? gatewayId,
            userType: { id: options.userType ?? EMPLOYEES_USER_TYPE_ID },
            correlationAttributes,
          },
        },
      },
    },
  });
  expect(imported.status, imported.text).toBe(201);
  return imported.body.id;
}

const check = (userId: string, password: string) =>
  fixture.api("POST", `/users/${userId}/password`, { contentType: CHECK, body: { password } });

async function state(userId: string) {
  const read = await fixture.api("GET", `/users/${userId}/password`);
  expect(read.status).toBe(200);
  expectMatchesSchema(read.body, "PasswordState");
  return read.body;
}

function expectWrongPassword(result: HttpResult, failuresRemaining: number): void {
  expect(result.status, result.text).toBe(400);
  expectPingOneError(400, result.body);
  expect(result.body.code).toBe("INVALID_DATA");
  expect(result.body.details).toEqual([
    expect.objectContaining({ code: "INVALID_VALUE", target: "password", innerError: { failuresRemaining } }),
  ]);
}

function expectUnavailable(result: HttpResult, reason: string): void {
  expect(result.status, result.text).toBe(503);
  expectPingOneError(503, result.body);
  expect(result.body.code).toBe("SERVICE_UNAVAILABLE");
  expect(result.body.details[0]).toMatchObject({ code: "GATEWAY_UNAVAILABLE", innerError: { reason } });
  expect(result.text).not.toContain(slapd.bindPassword);
}

/** The password columns and sign-on of a user, to prove a failed call changed nothing. */
const storedState = (userId: string) =>
  fixture.emulator.db
    .prepare(
      `SELECT password_hash, password_status, password_failure_count, password_locked_out_until, last_sign_on_at,
         (SELECT COUNT(*) FROM sessions WHERE user_id = users.id) AS sessions FROM users WHERE id = ?`,
    )
    .get(userId);

describe("password checks of users whose gateway holds the password", () => {
  it("accepts the directory password: 200 with status EXTERNAL, and a sign-on", async () => {
    const userId = await importLinked({ uid: "jdoe" });
    const checked = await check(userId, JANE_PASSWORD);
    expect(checked.status, checked.text).toBe(200);
    expectMatchesSchema(checked.body, "PasswordState");
    expect(checked.body).toMatchObject({ status: "EXTERNAL", failuresRemaining: 5 });
    expect(checked.body.external.gateway).toMatchObject({
      id: gatewayId,
      correlationAttributes: { uid: "jdoe" },
    });
    const user = await fixture.api("GET", `/users/${userId}`);
    expect(user.body.lastSignOn.at).toEqual(expect.any(String));
    expect((await fixture.api("GET", `/users/${userId}/sessions`)).body._embedded.sessions).toHaveLength(1);
    // The password never reached PingOne's store.
    expect((storedState(userId) as { password_hash: string | null }).password_hash).toBeNull();
  });

  it("finds the entry by every correlation attribute together", async () => {
    expect((await check(await importLinked({ mail: "jdoe@example.com" }), JANE_PASSWORD)).status).toBe(200);
    expect(
      (await check(await importLinked({ uid: "jdoe", mail: "jdoe@example.com" }), JANE_PASSWORD)).status,
    ).toBe(200);
    // Both must match: the right uid with another mail finds no one.
    expectWrongPassword(
      await check(await importLinked({ uid: "jdoe", mail: "other@example.com" }), JANE_PASSWORD),
      4,
    );
  });

  it("answers a wrong password as PingOne does for its own passwords, counting toward the lockout", async () => {
    const userId = await importLinked({ uid: "jdoe" });
    expectWrongPassword(await check(userId, "not Jane's password"), 4);
    expectWrongPassword(await check(userId, "JANE'S PW 1"), 3);
    // An empty password is refused before any bind (an LDAP bind without one is anonymous and succeeds).
    const empty = await check(userId, "");
    expect(empty.status).toBe(400);
    expect(empty.body.details[0]).toMatchObject({ code: "REQUIRED_VALUE", target: "password" });
    const after = await state(userId);
    expect(after).toMatchObject({
      status: "EXTERNAL",
      failuresRemaining: 3,
      warnings: { failuresRemaining: 3 },
    });
    // A success resets the count.
    expect((await check(userId, JANE_PASSWORD)).body.failuresRemaining).toBe(5);
  });

  it("locks the password out after five failures, then refuses even the right password until unlocked", async () => {
    const userId = await importLinked({ uid: "jdoe" });
    for (let left = 4; left >= 0; left -= 1) expectWrongPassword(await check(userId, "wrong"), left);
    expect((await state(userId)).status).toBe("PASSWORD_LOCKED_OUT");
    const locked = await check(userId, JANE_PASSWORD);
    expect(locked.status).toBe(400);
    expect(locked.body.details[0]).toMatchObject({
      target: "password",
      innerError: { secondsUntilUnlock: 900 },
    });
    const unlocked = await fixture.api("POST", `/users/${userId}/password`, { contentType: UNLOCK });
    expect(unlocked.status).toBe(200);
    expect(unlocked.body.status).toBe("EXTERNAL");
    expect((await check(userId, JANE_PASSWORD)).status).toBe(200);
  });

  it("treats an entry the correlation attributes do not find, or find twice, as a wrong password", async () => {
    expectWrongPassword(await check(await importLinked({ uid: "nobody" }), JANE_PASSWORD), 4);
    expectWrongPassword(await check(await importLinked({ mail: "twins@example.com" }), "twin-pw"), 4);
    // jdoe lives under the Employees base DN only.
    const elsewhere = await importLinked({ uid: "jdoe" }, { userType: MIGRATED_USER_TYPE_ID });
    expectWrongPassword(await check(elsewhere, JANE_PASSWORD), 4);
  });

  it("matches correlation values literally: filter characters in them find no one", async () => {
    for (const hostile of [
      "*",
      "jd*",
      "*)(uid=*",
      "jdoe)(|(uid=*",
      "jdoe)",
      "\\6adoe",
      "jdoe\u0000",
      "(uid=jdoe)",
    ]) {
      const userId = await importLinked({ uid: hostile });
      expectWrongPassword(await check(userId, JANE_PASSWORD), 4);
    }
  });

  it("links an existing user with setGateway, then checks the directory password", async () => {
    userCount += 1;
    const created = await fixture.api("POST", "/users", {
      body: { username: `gw-user-${userCount}`, email: `gw-user-${userCount}@example.com` },
    });
    const linked = await fixture.api("PUT", `/users/${created.body.id}/password`, {
      contentType: SET_GATEWAY,
      body: {
        id: gatewayId,
        userType: { id: EMPLOYEES_USER_TYPE_ID },
        correlationAttributes: { uid: "jdoe" },
      },
    });
    expect(linked.body.status).toBe("EXTERNAL");
    expect((await check(created.body.id, JANE_PASSWORD)).status).toBe(200);
  });

  it("tries the gateway's servers in order until one answers", async () => {
    const failover = await createGateway({ serversHostAndPort: ["127.0.0.1:1", slapd.hostAndPort] });
    const userId = await importLinked({ uid: "jdoe" }, { gateway: failover });
    expect((await check(userId, JANE_PASSWORD)).status).toBe(200);
  });
});

describe("password checks of PING_ONE-authority users", () => {
  it("migrates the password into PingOne at the first successful check, then checks it there", async () => {
    const userId = await importLinked({ uid: "mover" }, { userType: MIGRATED_USER_TYPE_ID });
    expect((await state(userId)).status).toBe("EXTERNAL");
    const first = await check(userId, "Mover-Pw-2024!");
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({ status: "OK", lastChangedAt: expect.any(String) });
    expect(first.body.external.gateway.userType.id).toBe(MIGRATED_USER_TYPE_ID);
    // PingOne now holds it: the directory is not asked any more.
    await slapd.takeDown();
    try {
      expect((await check(userId, "Mover-Pw-2024!")).status).toBe(200);
      expectWrongPassword(await check(userId, "wrong"), 4);
    } finally {
      await slapd.bringUp();
    }
  });

  it("checks the password password.set stored, not the directory's, keeping the link", async () => {
    const userId = await importLinked({ uid: "mover" }, { userType: MIGRATED_USER_TYPE_ID });
    const set = await fixture.api("PUT", `/users/${userId}/password`, {
      contentType: SET,
      body: { value: "Stored-In-PingOne-77", forceChange: false },
    });
    expect(set.status, set.text).toBe(200);
    expect(set.body).toMatchObject({
      status: "OK",
      external: { gateway: { userType: { id: MIGRATED_USER_TYPE_ID } } },
    });
    expect((await check(userId, "Stored-In-PingOne-77")).status).toBe(200);
    expectWrongPassword(await check(userId, "Mover-Pw-2024!"), 4);
  });

  it("leaves the password in the directory with gatewayPasswordMigration never", async () => {
    const other = await startEmulatorFixture({
      settings: { ...TIMEOUTS, gatewayPasswordMigration: "never" },
    });
    try {
      const population = (await other.api("GET", "/populations")).body._embedded.populations[0].id;
      const body = ldapGatewayBody(population, {
        serversHostAndPort: [slapd.hostAndPort],
        bindDN: slapd.bindDn,
        bindPassword: slapd.bindPassword,
        userTypes: [
          {
            name: "Migrated",
            searchBaseDn: MIGRATED,
            passwordAuthority: "PING_ONE",
            orderedCorrelationAttributes: ["uid"],
          },
        ],
      });
      const gateway = (await other.api("POST", "/gateways", { body })).body;
      const imported = await other.api("POST", "/users", {
        contentType: IMPORT,
        body: {
          username: "mover",
          email: "mover@example.com",
          password: {
            external: {
              gateway: {
                id: gateway.id,
                userType: { id: gateway.userTypes[0].id },
                correlationAttributes: { uid: "mover" },
              },
            },
          },
        },
      });
      const checked = await other.api("POST", `/users/${imported.body.id}/password`, {
        contentType: CHECK,
        body: { password: "Mover-Pw-2024!" },
      });
      expect(checked.status).toBe(200);
      expect(checked.body.status).toBe("EXTERNAL");
    } finally {
      await other.stop();
    }
  });
});

describe("a gateway that cannot answer", () => {
  it("answers 503 when the directory is down, and changes nothing", async () => {
    const userId = await importLinked({ uid: "jdoe" });
    expectWrongPassword(await check(userId, "wrong"), 4);
    const before = storedState(userId);
    await slapd.takeDown();
    try {
      expectUnavailable(await check(userId, JANE_PASSWORD), "UNREACHABLE");
      expectUnavailable(await check(userId, "wrong"), "UNREACHABLE");
    } finally {
      await slapd.bringUp();
    }
    expect(storedState(userId)).toEqual(before);
    expect((await check(userId, JANE_PASSWORD)).status).toBe(200);
  });

  it("answers 503 when the directory hangs, after the configured timeout", async () => {
    const userId = await importLinked({ uid: "jdoe" });
    const before = storedState(userId);
    slapd.freeze();
    try {
      const started = Date.now();
      expectUnavailable(await check(userId, JANE_PASSWORD), "TIMEOUT");
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      slapd.thaw();
    }
    expect(storedState(userId)).toEqual(before);
  });

  it("answers 503 when the directory refuses the gateway's service account, without the password", async () => {
    const misconfigured = await createGateway({ bindPassword: "not-the-bind-password" });
    const userId = await importLinked({ uid: "jdoe" }, { gateway: misconfigured });
    const refused = await check(userId, JANE_PASSWORD);
    expectUnavailable(refused, "SERVICE_ACCOUNT_REJECTED");
    expect(refused.text).not.toContain("not-the-bind-password");
    expect(refused.text).not.toContain(JANE_PASSWORD);
  });

  it("answers 503 for a disabled gateway, and 400 once the gateway is deleted", async () => {
    const disposable = await createGateway();
    const userId = await importLinked({ uid: "jdoe" }, { gateway: disposable });
    const gateway = (await fixture.api("GET", `/gateways/${disposable}`)).body;
    const { id: _id, environment: _environment, _links, ...replacement } = gateway;
    const disabled = await fixture.api("PUT", `/gateways/${disposable}`, {
      body: { ...replacement, enabled: false, bindPassword: slapd.bindPassword },
    });
    expect(disabled.status, disabled.text).toBe(200);
    expectUnavailable(await check(userId, JANE_PASSWORD), "DISABLED");

    expect((await fixture.api("DELETE", `/gateways/${disposable}`)).status).toBe(204);
    const dangling = await check(userId, JANE_PASSWORD);
    expect(dangling.status).toBe(400);
    expectPingOneError(400, dangling.body);
    expect(dangling.body).toMatchObject({
      code: "REQUEST_FAILED",
      details: [expect.objectContaining({ target: "password.external.gateway" })],
    });
    // The link stays readable, as PingOne keeps it.
    expect((await state(userId)).external.gateway.id).toBe(disposable);
  });
});

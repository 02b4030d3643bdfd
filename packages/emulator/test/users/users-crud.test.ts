import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMPLOYEES_USER_TYPE_ID, ldapGatewayBody } from "../gateways/gateway-bodies.js";
import { type EmulatorFixture, send, startEmulatorFixture } from "../support/emulator-harness.js";

const IMPORT = "application/vnd.pingidentity.user.import+json";

describe("users: create, import, read, replace, update, delete", () => {
  let fixture: EmulatorFixture;

  beforeAll(async () => {
    fixture = await startEmulatorFixture({}, { customUserAttributes: ["badgeNumber"] });
  });
  afterAll(() => fixture.stop());

  const countUsers = () => fixture.emulator.db.prepare("SELECT COUNT(*) FROM users").pluck().get() as number;

  it("creates a user in the default population and reads it back", async () => {
    const created = await fixture.api("POST", "/users", {
      body: {
        username: "ada",
        email: "ada@example.com",
        name: { given: "Ada", family: "Lovelace" },
        address: { countryCode: "GB", locality: "London" },
        badgeNumber: "B-1",
        mfaEnabled: true,
      },
    });
    expect(created.status).toBe(201);
    const user = created.body;
    expect(user).toMatchObject({
      id: expect.any(String),
      environment: { id: fixture.environment.environmentId },
      username: "ada",
      email: "ada@example.com",
      name: { given: "Ada", family: "Lovelace" },
      address: { countryCode: "GB", locality: "London" },
      badgeNumber: "B-1",
      enabled: true,
      mfaEnabled: true,
      emailVerified: false,
      lifecycle: { status: "ACCOUNT_OK" },
      account: { canAuthenticate: true, status: "OK" },
      identityProvider: { type: "PING_ONE" },
      population: { id: expect.any(String) },
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(user.password).toBeUndefined();
    const base = `${fixture.url}/v1/environments/${fixture.environment.environmentId}`;
    expect(user._links.self.href).toBe(`${base}/users/${user.id}`);
    expect(user._links.password.href).toBe(`${base}/users/${user.id}/password`);
    expect(user._links.population.href).toBe(`${base}/populations/${user.population.id}`);

    const read = await fixture.api("GET", `/users/${user.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(user);
  });

  it("embeds the population with expand=population and refuses unknown expand/include values", async () => {
    const created = await fixture.api("POST", "/users", {
      body: { username: "expand-me", email: "e@example.com" },
    });
    const read = await fixture.api("GET", `/users/${created.body.id}?expand=population`);
    expect(read.body._embedded.population).toMatchObject({
      id: created.body.population.id,
      default: true,
      name: "Default",
    });
    const badExpand = await fixture.api("GET", `/users/${created.body.id}?expand=groups`);
    expect(badExpand.status).toBe(400);
    expect(badExpand.body.details[0]).toMatchObject({ code: "INVALID_PARAMETER", target: "expand" });
    const badInclude = await fixture.api("GET", `/users/${created.body.id}?include=everything`);
    expect(badInclude.status).toBe(400);
  });

  it("answers include=memberOfGroupIDs|memberOfGroupNames with empty lists for a user in no group", async () => {
    const created = await fixture.api("POST", "/users", {
      body: { username: "groupless", email: "g@example.com" },
    });
    const read = await fixture.api(
      "GET",
      `/users/${created.body.id}?include=memberOfGroupIDs&include=memberOfGroupNames`,
    );
    expect(read.body.memberOfGroupIDs).toEqual([]);
    expect(read.body.memberOfGroupNames).toEqual([]);
    const plain = await fixture.api("GET", `/users/${created.body.id}`);
    expect(plain.body.memberOfGroupIDs).toBeUndefined();
  });

  it("refuses a duplicate username (any case) with 400 UNIQUENESS_VIOLATION and writes nothing", async () => {
    const first = await fixture.api("POST", "/users", {
      body: { username: "unique.one", email: "u1@example.com" },
    });
    const before = countUsers();
    const duplicate = await fixture.api("POST", "/users", {
      body: { username: "UNIQUE.one", email: "u2@example.com" },
    });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body).toMatchObject({
      code: "INVALID_DATA",
      details: [
        { code: "UNIQUENESS_VIOLATION", target: "username", innerError: { existingId: first.body.id } },
      ],
    });
    expect(countUsers()).toBe(before);
  });

  it("answers 409 for duplicates when the setting says so", async () => {
    const other = await startEmulatorFixture({ settings: { duplicateStatus: 409 } });
    try {
      await other.api("POST", "/users", { body: { username: "twice", email: "t@example.com" } });
      const duplicate = await other.api("POST", "/users", {
        body: { username: "twice", email: "t@example.com" },
      });
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.details[0].code).toBe("UNIQUENESS_VIOLATION");
    } finally {
      await other.stop();
    }
  });

  it("refuses missing, unknown, read-only and mistyped attributes with one detail each", async () => {
    const before = countUsers();
    const missing = await fixture.api("POST", "/users", { body: { name: { given: "No" } } });
    expect(missing.status).toBe(400);
    expect(missing.body.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: "REQUIRED_VALUE", target: "username" }),
        expect.objectContaining({ code: "REQUIRED_VALUE", target: "email" }),
      ]),
    );
    const wrong = await fixture.api("POST", "/users", {
      body: {
        username: 42,
        email: "x@example.com",
        favouriteColour: "blue",
        id: "mine",
        enabled: false,
        name: "flat",
      },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details.map((detail: { target: string }) => detail.target).sort()).toEqual([
      "enabled",
      "favouriteColour",
      "id",
      "name",
      "username",
    ]);
    const pattern = await fixture.api("POST", "/users", {
      body: { username: "bad-country", email: "c@example.com", address: { countryCode: "gbr" } },
    });
    expect(pattern.status).toBe(400);
    expect(pattern.body.details[0]).toMatchObject({ code: "INVALID_VALUE", target: "address.countryCode" });
    const tooLong = await fixture.api("POST", "/users", {
      body: { username: "x".repeat(129), email: "l@example.com" },
    });
    expect(tooLong.status).toBe(400);
    const password = await fixture.api("POST", "/users", {
      body: { username: "with-password", email: "p@example.com", password: "Secret123!" },
    });
    expect(password.status).toBe(400);
    expect(password.text).not.toContain("Secret123!");
    const unknownPopulation = await fixture.api("POST", "/users", {
      body: { username: "lost", email: "lost@example.com", population: { id: crypto.randomUUID() } },
    });
    expect(unknownPopulation.status).toBe(400);
    expect(unknownPopulation.body.details[0]).toMatchObject({ target: "population.id" });
    expect(countUsers()).toBe(before);
  });

  it("refuses Object.prototype's names as attributes, like any unknown one, and writes nothing", async () => {
    const created = await fixture.api("POST", "/users", {
      body: { username: "proto-target", email: "pt@example.com" },
    });
    const userId = created.body.id as string;
    const before = countUsers();
    const stored = () => fixture.emulator.db.prepare("SELECT * FROM users WHERE id = ?").get(userId);
    const unchanged = stored();
    for (const name of ["bogusAttr", "__proto__", "constructor", "toString", "hasOwnProperty"]) {
      // Raw JSON: an object literal would not carry "__proto__" as an own key.
      const value = `{"${name}":"x"}`;
      const attempts = [
        {
          method: "POST",
          path: "/users",
          body: `{"username":"p-${name}","email":"p@example.com","${name}":"x"}`,
        },
        {
          method: "POST",
          path: "/users",
          body: `{"username":"n-${name}","email":"n@example.com","name":${value}}`,
          target: `name.${name}`,
        },
        {
          method: "PUT",
          path: `/users/${userId}`,
          body: `{"username":"proto-target","email":"pt@example.com","${name}":"x"}`,
        },
        { method: "PATCH", path: `/users/${userId}`, body: `{"${name}":"x"}` },
        {
          method: "PATCH",
          path: `/users/${userId}`,
          body: `{"address":${value}}`,
          target: `address.${name}`,
        },
      ];
      for (const attempt of attempts) {
        const refused = await fixture.api(attempt.method, attempt.path, { rawBody: attempt.body });
        expect(refused.status, `${attempt.method} ${attempt.body}`).toBe(400);
        expect(refused.body.details).toEqual([
          expect.objectContaining({ code: "INVALID_VALUE", target: attempt.target ?? name }),
        ]);
      }
    }
    expect(countUsers()).toBe(before);
    expect(stored()).toEqual(unchanged);
  });

  it("answers 415 for a create with an unknown media type", async () => {
    const result = await fixture.api("POST", "/users", {
      body: { username: "media", email: "m@example.com" },
      contentType: "text/plain",
    });
    expect(result.status).toBe(415);
    expect(result.body.code).toBe("INVALID_REQUEST");
  });

  it("imports a user with a password, lifecycle, emailVerified and an external gateway", async () => {
    const imported = await fixture.api("POST", "/users", {
      contentType: IMPORT,
      body: {
        username: "imported",
        email: "imported@example.com",
        emailVerified: true,
        lifecycle: { status: "ACCOUNT_OK" },
        password: { value: "Vx9!mQz#2pLw", forceChange: true },
      },
    });
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ emailVerified: true, lifecycle: { status: "ACCOUNT_OK" } });
    expect(imported.text).not.toContain("Vx9!mQz#2pLw");
    const stored = fixture.emulator.db
      .prepare("SELECT password_hash, password_status, password_must_change FROM users WHERE id = ?")
      .get(imported.body.id) as {
      password_hash: string;
      password_status: string;
      password_must_change: number;
    };
    expect(stored.password_hash).not.toContain("Vx9!mQz#2pLw");
    expect(stored.password_status).toBe("MUST_CHANGE_PASSWORD");
    expect(stored.password_must_change).toBe(1);

    const populationId = imported.body.population.id;
    const created = await fixture.api("POST", "/gateways", { body: ldapGatewayBody(populationId) });
    expect(created.status).toBe(201);
    const gateway = {
      id: created.body.id,
      type: "LDAP",
      userType: { id: EMPLOYEES_USER_TYPE_ID },
      correlationAttributes: { uid: "g1" },
    };
    const external = await fixture.api("POST", "/users", {
      contentType: IMPORT,
      body: { username: "ldap-user", email: "ldap@example.com", password: { external: { gateway } } },
    });
    expect(external.status).toBe(201);
    const row = fixture.emulator.db
      .prepare("SELECT password_status, password_external_gateway FROM users WHERE id = ?")
      .get(external.body.id) as { password_status: string; password_external_gateway: string };
    expect(row.password_status).toBe("EXTERNAL");
    expect(JSON.parse(row.password_external_gateway)).toEqual(gateway);
  });

  it("refuses an imported password that breaks the policy, with one detail per failed rule", async () => {
    const before = countUsers();
    const result = await fixture.api("POST", "/users", {
      contentType: IMPORT,
      body: { username: "weak", email: "weak@example.com", password: "abc" },
    });
    expect(result.status).toBe(400);
    expect(result.body.code).toBe("INVALID_DATA");
    expect(result.body.details.length).toBeGreaterThan(1);
    for (const detail of result.body.details)
      expect(detail).toMatchObject({ code: "INVALID_VALUE", target: "password" });
    expect(countUsers()).toBe(before);
  });

  it("sends a verification code when importing a VERIFICATION_REQUIRED user, unless suppressed", async () => {
    const pending = await fixture.api("POST", "/users", {
      contentType: IMPORT,
      body: {
        username: "pending",
        email: "pending@example.com",
        lifecycle: { status: "VERIFICATION_REQUIRED" },
      },
    });
    expect(pending.body.lifecycle.status).toBe("VERIFICATION_REQUIRED");
    const outbox = await send("GET", `${fixture.url}/_emulator/outbox?userId=${pending.body.id}`);
    expect(outbox.body.messages).toHaveLength(1);
    const quiet = await fixture.api("POST", "/users", {
      contentType: IMPORT,
      body: {
        username: "quiet",
        email: "quiet@example.com",
        lifecycle: { status: "VERIFICATION_REQUIRED", suppressVerificationCode: true },
      },
    });
    const none = await send("GET", `${fixture.url}/_emulator/outbox?userId=${quiet.body.id}`);
    expect(none.body.messages).toEqual([]);
  });

  it("replaces a user with PUT (unsent attributes cleared) and keeps the population", async () => {
    const created = await fixture.api("POST", "/users", {
      body: {
        username: "replace-me",
        email: "r@example.com",
        title: "Dr",
        name: { given: "R", family: "M" },
      },
    });
    const replaced = await fixture.api("PUT", `/users/${created.body.id}`, {
      body: { username: "replaced", email: "r@example.com", name: { given: "Q" } },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body.username).toBe("replaced");
    expect(replaced.body.title).toBeUndefined();
    expect(replaced.body.name).toEqual({ given: "Q" });
    const moved = await fixture.api("PUT", `/users/${created.body.id}`, {
      body: { username: "replaced", email: "r@example.com", population: { id: crypto.randomUUID() } },
    });
    expect(moved.status).toBe(400);
    const missing = await fixture.api("PUT", `/users/${created.body.id}`, {
      body: { email: "r@example.com" },
    });
    expect(missing.status).toBe(400);
    const unknown = await fixture.api("PUT", `/users/${crypto.randomUUID()}`, {
      body: { username: "ghost", email: "g@example.com" },
    });
    expect(unknown.status).toBe(404);
  });

  it("updates with PATCH: unsent attributes stay, null clears", async () => {
    const created = await fixture.api("POST", "/users", {
      body: { username: "patch-me", email: "p@example.com", title: "Eng", nickname: "pm", badgeNumber: "X" },
    });
    const patched = await fixture.api("PATCH", `/users/${created.body.id}`, {
      body: { title: null, name: { given: "Pat" }, badgeNumber: null },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ username: "patch-me", nickname: "pm", name: { given: "Pat" } });
    expect(patched.body.title).toBeUndefined();
    expect(patched.body.badgeNumber).toBeUndefined();
    const clearUsername = await fixture.api("PATCH", `/users/${created.body.id}`, {
      body: { username: null },
    });
    expect(clearUsername.status).toBe(400);
    expect(clearUsername.body.details[0]).toMatchObject({ code: "REQUIRED_VALUE", target: "username" });
    const readOnly = await fixture.api("PATCH", `/users/${created.body.id}`, {
      body: { createdAt: "2020-01-01T00:00:00Z" },
    });
    expect(readOnly.status).toBe(400);
    const taken = await fixture.api("PATCH", `/users/${created.body.id}`, { body: { username: "ADA" } });
    expect(taken.status).toBe(400);
    expect(taken.body.details[0].code).toBe("UNIQUENESS_VIOLATION");
  });

  it("deletes a user with 204, then answers 404", async () => {
    const created = await fixture.api("POST", "/users", {
      body: { username: "delete-me", email: "d@example.com" },
    });
    const deleted = await fixture.api("DELETE", `/users/${created.body.id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe("");
    expect((await fixture.api("GET", `/users/${created.body.id}`)).status).toBe(404);
    expect((await fixture.api("DELETE", `/users/${created.body.id}`)).status).toBe(404);
  });
});

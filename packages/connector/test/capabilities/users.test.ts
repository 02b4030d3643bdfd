import { describe, expect, it } from "vitest";
import {
  createUserWithPassword,
  invokeError,
  invokeOk,
  strongPassword,
} from "../support/capability-harness.js";
import { useEmulatorConnector } from "../support/emulator-connector.js";
import { createTestUser } from "../support/emulator-environment.js";

const fixture = useEmulatorConnector({ client: { retry: { maxAttempts: 1 } } });

describe("readUser", () => {
  it("reads a user by id, username and email, in flat and DaVinci-wrapped input", async () => {
    const user = await createTestUser(fixture.env.client);
    const byId = await invokeOk(fixture.connector, "readUser", { matchAttribute: "id", identifier: user.id });
    expect(byId.user).toMatchObject({ id: user.id, username: user.username });
    expect(byId.user).not.toHaveProperty("_links");
    expect(byId.rawResponse).toHaveProperty("_links");
    expect(byId.statusCode).toBe(200);
    expect(byId.headers["content-type"]).toContain("application/json");
    const byUsername = await invokeOk(fixture.connector, "readUser", {
      properties: { matchAttribute: "username", identifier: user.username },
    });
    expect((byUsername.user as { id: string }).id).toBe(user.id);
    const byEmail = await invokeOk(fixture.connector, "readUser", {
      matchAttribute: "email",
      identifier: user.email,
    });
    expect((byEmail.rawResponse as { id: string }).id).toBe(user.id);
  });

  it("defaults matchAttribute to id and accepts the legacy userId", async () => {
    const user = await createTestUser(fixture.env.client);
    expect((await invokeOk(fixture.connector, "readUser", { identifier: user.id })).user).toMatchObject({
      id: user.id,
    });
    expect(
      (await invokeOk(fixture.connector, "readUser", { userId: user.id, identifier: "" })).user,
    ).toMatchObject({
      id: user.id,
    });
  });

  it("fails with noUserMatch for an unknown id or username, and multipleUserMatch for a shared email", async () => {
    const unknownId = await invokeError(fixture.connector, "readUser", {
      matchAttribute: "id",
      identifier: "00000000-0000-4000-8000-000000000000",
    });
    expect(unknownId).toMatchObject({ code: "noUserMatch", httpResponseCode: 404 });
    expect(unknownId.details[0]?.statusCode).toBe(404);
    const unknownName = await invokeError(fixture.connector, "readUser", {
      matchAttribute: "username",
      identifier: "nobody-here",
    });
    expect(unknownName.code).toBe("noUserMatch");
    const email = `shared-${Date.now()}@example.com`;
    await createTestUser(fixture.env.client, { email });
    await createTestUser(fixture.env.client, { email });
    const shared = await invokeError(fixture.connector, "readUser", {
      matchAttribute: "email",
      identifier: email,
    });
    expect(shared.code).toBe("multipleUserMatch");
  });

  it("refuses invalid input with every problem and a JSON pointer, before any call", async () => {
    const error = await invokeError(fixture.connector, "readUser", {
      properties: { matchAttribute: "phone" },
    });
    expect(error.code).toBe("invalidInput");
    expect(error.httpResponseCode).toBe(400);
    expect(error.problems?.map((p) => p.path).sort()).toEqual([
      "/properties/identifier",
      "/properties/matchAttribute",
    ]);
    expect((await invokeError(fixture.connector, "readUser", { identifier: "   " })).code).toBe(
      "invalidInput",
    );
  });
});

describe("userLookup", () => {
  it("finds one user over several attributes and returns the password status", async () => {
    const user = await createUserWithPassword(fixture.env.client, strongPassword());
    const output = await invokeOk(fixture.connector, "userLookup", {
      matchAttributes: ["username", "email"],
      userIdentifierForFindUser: user.username,
      returnUserPasswordStatus: true,
    });
    expect(output.matchedUser).toMatchObject({ id: user.id });
    expect(output.userCount).toBe(1);
    expect(output.passwordStatus).toBe("OK");
    expect(output.userFilter).toBe(`(username eq "${user.username}") or (email eq "${user.username}")`);
    expect(output.rawResponse).toMatchObject({ passwordState: { status: "OK" } });
  });

  it("finds a user by id (userID alias) and by a custom SCIM filter", async () => {
    const user = await createTestUser(fixture.env.client, {
      name: { given: "Lookup", family: `Fam${Date.now()}` },
    });
    const byId = await invokeOk(fixture.connector, "userLookup", {
      matchAttributes: ["userID"],
      userIdentifierForFindUser: user.id,
    });
    expect(byId.matchedUser).toMatchObject({ id: user.id });
    const custom = await invokeOk(fixture.connector, "userLookup", {
      useCustomSCIMFilter: true,
      scimFilter: `name.family eq "${(user.name as { family: string }).family}"`,
    });
    expect(custom.matchedUser).toMatchObject({ id: user.id });
  });

  it("fails with noUserMatch, multipleUserMatch and invalidFilter", async () => {
    expect(
      (
        await invokeError(fixture.connector, "userLookup", {
          matchAttributes: ["username"],
          userIdentifierForFindUser: "nope-x",
        })
      ).code,
    ).toBe("noUserMatch");
    const family = `Twin${Date.now()}`;
    await createTestUser(fixture.env.client, { name: { family } });
    await createTestUser(fixture.env.client, { name: { family } });
    expect(
      (
        await invokeError(fixture.connector, "userLookup", {
          useCustomSCIMFilter: true,
          scimFilter: `name.family eq "${family}"`,
        })
      ).code,
    ).toBe("multipleUserMatch");
    const bad = await invokeError(fixture.connector, "userLookup", {
      useCustomSCIMFilter: true,
      scimFilter: 'username ne "x"',
    });
    expect(bad).toMatchObject({ code: "invalidFilter", httpResponseCode: 400 });
  });

  it("refuses attribute names that could carry SCIM syntax", async () => {
    const error = await invokeError(fixture.connector, "userLookup", {
      matchAttributes: ['username eq "x" or username'],
      userIdentifierForFindUser: "x",
    });
    expect(error.code).toBe("invalidInput");
    expect(error.problems?.[0]?.path).toBe("/matchAttributes/0");
  });
});

describe("usersLookup", () => {
  it("returns every match, following the pages, and an empty list for no match", async () => {
    const family = `Many${Date.now()}`;
    const ids = new Set<string>();
    for (let i = 0; i < 3; i++) ids.add((await createTestUser(fixture.env.client, { name: { family } })).id);
    const output = await invokeOk(fixture.connector, "usersLookup", {
      useCustomSCIMFilter: true,
      scimFilter: `name.family eq "${family}"`,
    });
    expect(output.count).toBe(3);
    const found = (output.matchedUsers as { _embedded: { user: { id: string } } }[]).map(
      (m) => m._embedded.user.id,
    );
    expect(new Set(found)).toEqual(ids);
    expect(output.rawResponse).toMatchObject({ count: 3, _embedded: { count: 3 } });
    const none = await invokeOk(fixture.connector, "usersLookup", {
      matchAttributes: ["email"],
      userIdentifierForFindUser: "no@x.io",
    });
    expect(none.count).toBe(0);
  });

  it("follows _links.next past the first page", async () => {
    const family = `Paged${Date.now()}`;
    await Promise.all(
      Array.from({ length: 105 }, () => createTestUser(fixture.env.client, { name: { family } })),
    );
    const output = await invokeOk(fixture.connector, "usersLookup", {
      matchAttributes: ["name.family"],
      userIdentifierForFindUser: family,
    });
    expect(output.count).toBe(105);
    expect(output).not.toHaveProperty("truncated");
  });

  it("fails with invalidFilter and invalidInput", async () => {
    expect(
      (
        await invokeError(fixture.connector, "usersLookup", {
          useCustomSCIMFilter: true,
          scimFilter: "username pr",
        })
      ).code,
    ).toBe("invalidFilter");
    expect((await invokeError(fixture.connector, "usersLookup", { matchAttributes: "username" })).code).toBe(
      "invalidInput",
    );
    expect(
      (
        await invokeError(fixture.connector, "usersLookup", {
          matchAttributes: [],
          userIdentifierForFindUser: "a",
        })
      ).code,
    ).toBe("invalidInput");
  });
});

describe("createUser", () => {
  it("creates a user with a password, profile, population and other attributes", async () => {
    const username = `created-${Date.now()}`;
    const password = strongPassword();
    const output = await invokeOk(fixture.connector, "createUser", {
      properties: {
        username,
        email: `${username}@example.com`,
        given: "Ada",
        family: "Lovelace",
        passwordForCreateUser: password,
        lifecycleStatus: "ACCOUNT_OK",
        additionalUserProperties: [
          { name: "name.middle", value: "K" },
          { name: "mfaEnabled", value: "true", preferredDataType: "boolean" },
        ],
      },
    });
    expect(output.statusCode).toBe(201);
    expect(output.user).toMatchObject({
      username,
      name: { given: "Ada", family: "Lovelace", middle: "K" },
      mfaEnabled: true,
      lifecycle: { status: "ACCOUNT_OK" },
    });
    expect(JSON.stringify(output)).not.toContain(password);
    const check = await invokeOk(fixture.connector, "checkPassword", {
      matchAttribute: "username",
      identifier: username,
      password,
    });
    expect((check.passwordState as { status: string }).status).toBe("OK");
  });

  it("fails with uniquenessViolation for a taken username and invalidValue for a weak password", async () => {
    const existing = await createTestUser(fixture.env.client);
    const taken = await invokeError(fixture.connector, "createUser", {
      username: existing.username,
      email: "a@example.com",
    });
    expect(taken).toMatchObject({ code: "uniquenessViolation", httpResponseCode: 400 });
    expect(taken.details[0]?.rawResponse).toMatchObject({ code: "INVALID_DATA" });
    const weak = await invokeError(fixture.connector, "createUser", {
      username: `weak-${Date.now()}`,
      email: "w@example.com",
      passwordForCreateUser: "short",
    });
    expect(weak.code).toBe("invalidValue");
    expect(JSON.stringify(weak)).not.toContain('"short"');
  });

  it("fails with requiredValue for VERIFICATION_REQUIRED without an email", async () => {
    const error = await invokeError(fixture.connector, "createUser", {
      username: `noemail-${Date.now()}`,
      lifecycleStatus: "VERIFICATION_REQUIRED",
    });
    expect(error).toMatchObject({ code: "requiredValue", httpResponseCode: 400 });
  });

  it("fails with notFound for an unknown alternative identifier, invalidInput for bad input", async () => {
    const missing = await invokeError(fixture.connector, "createUser", {
      username: `alt-${Date.now()}`,
      email: "alt@example.com",
      population: "useAlternativeId",
      alternativeIdentifier: "no-such-population.example",
    });
    expect(missing.code).toBe("notFound");
    const invalid = await invokeError(fixture.connector, "createUser", {
      email: 5,
      lifecycleStatus: "ACTIVE",
    });
    expect(invalid.code).toBe("invalidInput");
    expect(invalid.problems?.map((p) => p.path).sort()).toEqual(["/email", "/lifecycleStatus", "/username"]);
    const readOnly = await invokeError(fixture.connector, "createUser", {
      username: `ro-${Date.now()}`,
      email: "ro@example.com",
      additionalUserProperties: [{ name: "lifecycle.status", value: "ACCOUNT_OK" }],
    });
    expect(readOnly.code).toBe("invalidInput");
  });
});

describe("updateUser", () => {
  it("patches the given attributes and clears the listed ones", async () => {
    const user = await createTestUser(fixture.env.client, {
      primaryPhone: "+1 555 0100",
      name: { given: "Old" },
    });
    const output = await invokeOk(fixture.connector, "updateUser", {
      matchAttribute: "username",
      identifier: user.username,
      username: user.username,
      given: "New",
      mobilePhone: "+1 555 0199",
      clearUserAttributes: ["primaryPhone"],
    });
    expect(output.user).toMatchObject({ id: user.id, name: { given: "New" }, mobilePhone: "+1 555 0199" });
    expect(output.user).not.toHaveProperty("primaryPhone");
  });

  it("fails with usernameImmutable, noUserMatch and invalidInput", async () => {
    const user = await createTestUser(fixture.env.client);
    const changed = await invokeError(fixture.connector, "updateUser", {
      identifier: user.id,
      username: ` ${user.username}`,
    });
    expect(changed.code).toBe("usernameImmutable");
    expect(changed.message).toContain("username cannot be updated");
    expect(
      (
        await invokeError(fixture.connector, "updateUser", {
          matchAttribute: "email",
          identifier: "ghost@example.com",
          given: "x",
        })
      ).code,
    ).toBe("noUserMatch");
    expect(
      (
        await invokeError(fixture.connector, "updateUser", {
          identifier: user.id,
          clearUserAttributes: ["a b"],
        })
      ).code,
    ).toBe("invalidInput");
  });
});

describe("deleteUser", () => {
  it("deletes a user, then reports noUserMatch for it", async () => {
    const user = await createTestUser(fixture.env.client);
    const output = await invokeOk(fixture.connector, "deleteUser", {
      matchAttribute: "username",
      identifier: user.username,
    });
    expect(output.statusCode).toBe(204);
    expect(output.rawResponse).toEqual({});
    expect((await invokeError(fixture.connector, "deleteUser", { identifier: user.id })).code).toBe(
      "noUserMatch",
    );
  });

  it("refuses a non-string identifier", async () => {
    expect((await invokeError(fixture.connector, "deleteUser", { identifier: ["x"] })).code).toBe(
      "invalidInput",
    );
  });
});

describe("enableUser", () => {
  it("disables and re-enables a user, accepting the text values of flow variables", async () => {
    const user = await createTestUser(fixture.env.client);
    const off = await invokeOk(fixture.connector, "enableUser", { identifier: user.id, enabled: false });
    expect(off.user).toEqual({ enabled: false });
    const read = await invokeOk(fixture.connector, "readUser", { identifier: user.id });
    expect(read.user).toMatchObject({ enabled: false });
    const on = await invokeOk(fixture.connector, "enableUser", { identifier: user.id, enabled: "true" });
    expect(on.user).toEqual({ enabled: true });
  });

  it("fails with noUserMatch and refuses a missing enabled", async () => {
    expect(
      (
        await invokeError(fixture.connector, "enableUser", {
          matchAttribute: "username",
          identifier: "ghost-x",
          enabled: true,
        })
      ).code,
    ).toBe("noUserMatch");
    const invalid = await invokeError(fixture.connector, "enableUser", { identifier: "x", enabled: "yes" });
    expect(invalid.code).toBe("invalidInput");
    expect(invalid.problems?.some((p) => p.path === "/enabled")).toBe(true);
  });
});

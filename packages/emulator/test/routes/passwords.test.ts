import { createHash, randomBytes } from "node:crypto";
import { hashSync } from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManualClock } from "../../src/clock.js";
import { expectMatchesSchema, expectPingOneError } from "../contract/schema-validators.js";
import {
  type EmulatorFixture,
  fetchToken,
  type HttpResult,
  provisionEnvironment,
  type RequestOptions,
  send,
  startEmulatorFixture,
} from "../support/emulator-harness.js";

const MEDIA = "application/vnd.pingidentity.";
const CHECK = `${MEDIA}password.check+json`;
const SEND_CODE = `${MEDIA}password.sendRecoveryCode+json`;
const RECOVER = `${MEDIA}password.recover+json`;
const FORCE_CHANGE = `${MEDIA}password.forceChange`;
const UNLOCK = `${MEDIA}password.unlock`;
const RESET = `${MEDIA}password.reset+json`;
const SET = `${MEDIA}password.set+json`;
const SET_VALUE = `${MEDIA}password.setValue+json`;

// Passwords that satisfy the Standard policy and are not similar to each other.
const FIRST = "Amber-Falcon-71";
const SECOND = "Quiet#River-2048";
const THIRD = "Velvet^Moss-3906";

let fixture: EmulatorFixture;
// Advancing the clock expires worker tokens too; the tests fetch a fresh one after each move.
let token: string;
let userCount = 0;

beforeAll(async () => {
  fixture = await startEmulatorFixture({ clock: createManualClock() });
  token = fixture.token;
});
afterAll(() => fixture.stop());

const api = (method: string, path: string, options: RequestOptions = {}) =>
  send(method, `${fixture.url}/v1/environments/${fixture.environment.environmentId}${path}`, {
    token,
    ...options,
  });

async function createUser(
  extra: Record<string, unknown> = {},
  contentType = "application/json",
): Promise<string> {
  userCount += 1;
  const result = await api("POST", "/users", {
    contentType,
    body: { username: `pw-user-${userCount}`, email: `pw-user-${userCount}@example.com`, ...extra },
  });
  expect(result.status).toBe(201);
  return result.body.id as string;
}

const passwordPath = (userId: string) => `/users/${userId}/password`;
const post = (userId: string, contentType: string, body?: unknown) =>
  api("POST", passwordPath(userId), { contentType, ...(body === undefined ? {} : { body }) });
const put = (userId: string, contentType: string, body?: unknown) =>
  api("PUT", passwordPath(userId), { contentType, ...(body === undefined ? {} : { body }) });
const state = (userId: string, query = "") => api("GET", `${passwordPath(userId)}${query}`);
const check = (userId: string, password: string) => post(userId, CHECK, { password });

async function userWithPassword(password = FIRST, extra: Record<string, unknown> = {}): Promise<string> {
  const userId = await createUser(extra);
  expectState(await put(userId, SET, { value: password, forceChange: false }), "OK");
  return userId;
}

async function advanceClock(seconds: number): Promise<void> {
  const result = await send("POST", `${fixture.url}/_emulator/clock`, { body: { advanceSeconds: seconds } });
  expect(result.status).toBe(200);
  token = await fetchToken(fixture.environment);
}

async function recoveryCodes(userId: string): Promise<string[]> {
  const result = await send("GET", `${fixture.url}/_emulator/outbox?userId=${userId}&type=RECOVERY_CODE`);
  return (result.body.messages as { code: string }[]).map((message) => message.code);
}

function expectState(result: HttpResult, status: string): void {
  expect(result.status, result.text).toBe(200);
  expectMatchesSchema(result.body, "PasswordState");
  expect(result.body.status).toBe(status);
}

function expectError(result: HttpResult, code: string, detail: Record<string, unknown>): void {
  expect(result.status, result.text).toBe(400);
  expectPingOneError(400, result.body);
  expect(result.body.code).toBe(code);
  expect(result.body.details[0]).toMatchObject(detail);
}

async function lockOut(userId: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt += 1) await check(userId, "Wrong-Guess-000");
  expect((await state(userId)).body.status).toBe("PASSWORD_LOCKED_OUT");
}

describe("GET password state", () => {
  it("shows NO_PASSWORD and the environment's default policy, embedded on request", async () => {
    const userId = await createUser();
    const result = await state(userId);
    expectState(result, "NO_PASSWORD");
    expect(result.body).not.toHaveProperty("lastChangedAt");
    expect(result.body).not.toHaveProperty("warnings");
    expect(result.body.user).toEqual({ id: userId });
    expect(result.body._links.self.href).toBe(
      `${fixture.url}/v1/environments/${fixture.environment.environmentId}/users/${userId}/password`,
    );

    const expanded = await state(userId, "?expand=passwordPolicy");
    expectState(expanded, "NO_PASSWORD");
    expect(expanded.body._embedded.passwordPolicy).toMatchObject({
      id: result.body.passwordPolicy.id,
      name: "Standard",
      default: true,
      lockout: { failureCount: 5, durationSeconds: 900 },
    });
    expectMatchesSchema(expanded.body._embedded.passwordPolicy, "PasswordPolicy");
  });

  it("refuses an unknown expand value and an unknown user", async () => {
    const userId = await createUser();
    expectError(await state(userId, "?expand=history"), "INVALID_DATA", {
      code: "INVALID_PARAMETER",
      target: "expand",
    });
    const missing = await state("00000000-0000-4000-8000-000000000000");
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe("NOT_FOUND");
  });

  it("needs the Identity Data Admin role", async () => {
    const environment = await provisionEnvironment(fixture.url, { roles: ["Environment Admin"] });
    const token = await fetchToken(environment);
    const result = await send(
      "GET",
      `${fixture.url}/v1/environments/${environment.environmentId}/users/00000000-0000-4000-8000-000000000000/password`,
      { token },
    );
    expect(result.status).toBe(403);
    expect(result.body.details[0].code).toBe("INSUFFICIENT_PERMISSIONS");
  });
});

describe("password.set", () => {
  it("sets a password that is stored hashed and never returned", async () => {
    const userId = await createUser();
    const result = await put(userId, SET, { value: FIRST, forceChange: false });
    expectState(result, "OK");
    expect(typeof result.body.lastChangedAt).toBe("string");
    expect(result.body.failuresRemaining).toBe(5);
    expect(result.text).not.toContain(FIRST);
    expect((await api("GET", `/users/${userId}`)).text).not.toContain(FIRST);
    const stored = fixture.emulator.db
      .prepare("SELECT password_hash FROM users WHERE id = ?")
      .pluck()
      .get(userId);
    expect(stored).toMatch(/^\$scrypt\$/);
  });

  it("with forceChange gives MUST_CHANGE_PASSWORD", async () => {
    const userId = await createUser();
    expectState(await put(userId, SET, { value: FIRST, forceChange: true }), "MUST_CHANGE_PASSWORD");
  });

  it("refuses a policy violation with one detail per failed rule and changes nothing", async () => {
    const userId = await userWithPassword();
    const result = await put(userId, SET, { value: "aaa", forceChange: false });
    expectError(result, "INVALID_DATA", {
      code: "INVALID_VALUE",
      target: "password",
      message: "User password did not satisfy password policy requirements",
    });
    const rules = (result.body.details as { innerError: Record<string, string> }[]).map(
      (detail) => Object.keys(detail.innerError)[0],
    );
    expect(rules).toEqual(["length", "minCharacters", "maxRepeatedCharacters", "minUniqueCharacters"]);
    expectState(await check(userId, FIRST), "OK");
  });

  it("accepts a violation with bypassPolicy, but never the current password", async () => {
    const userId = await userWithPassword();
    expectState(await put(userId, SET, { value: "password", forceChange: false, bypassPolicy: true }), "OK");
    expectError(
      await put(userId, SET, { value: "password", forceChange: false, bypassPolicy: true }),
      "INVALID_DATA",
      {
        innerError: { notCurrent: "Must differ from the current password" },
      },
    );
  });

  it("enforces the history of previous passwords", async () => {
    const userId = await userWithPassword(FIRST);
    expectState(await put(userId, SET, { value: SECOND, forceChange: false }), "OK");
    expectError(await put(userId, SET, { value: FIRST, forceChange: false }), "INVALID_DATA", {
      target: "password",
      innerError: { history: "Must not be one of the recently used passwords" },
    });
    expectState(await put(userId, SET, { value: THIRD, forceChange: false }), "OK");
  });

  it("stores pre-encoded {SSHA512} and {BCRYPT} values that verify on check", async () => {
    const salt = randomBytes(8);
    const digest = createHash("sha512").update(SECOND).update(salt).digest();
    const ssha = `{SSHA512}${Buffer.concat([digest, salt]).toString("base64")}`;
    const sshaUser = await createUser();
    expectState(await put(sshaUser, SET, { value: ssha, forceChange: false }), "OK");
    expectState(await check(sshaUser, SECOND), "OK");

    const bcryptUser = await createUser();
    // "password" breaks the policy, which pre-encoded values are not checked against.
    expectState(
      await put(bcryptUser, SET, { value: `{BCRYPT}${hashSync("password", 4)}`, forceChange: false }),
      "OK",
    );
    expectState(await check(bcryptUser, "password"), "OK");
    expectError(await check(bcryptUser, "Password"), "INVALID_DATA", { target: "password" });
  });

  it("refuses an unknown storage scheme and a malformed encoding", async () => {
    const userId = await createUser();
    expectError(await put(userId, SET, { value: "{MD5}X03MO1qnZdYdgyfeuILPmQ==" }), "INVALID_DATA", {
      code: "INVALID_VALUE",
      target: "value",
      message: "Unsupported password storage scheme",
      innerError: { allowedValues: expect.arrayContaining(["{BCRYPT}", "{SSHA512}", "{PBKDF2}"]) },
    });
    expectError(await put(userId, SET, { value: "{SSHA256}AAAA" }), "INVALID_DATA", {
      code: "INVALID_VALUE",
      target: "value",
      innerError: { scheme: "{SSHA256}" },
    });
    expectState(await state(userId), "NO_PASSWORD");
  });

  it("validates the body", async () => {
    const userId = await createUser();
    expectError(await put(userId, SET, { forceChange: true }), "INVALID_DATA", {
      code: "REQUIRED_VALUE",
      target: "value",
    });
    expectError(await put(userId, SET, { value: FIRST, forceChange: "yes" }), "INVALID_DATA", {
      target: "forceChange",
    });
    expectError(await put(userId, SET, { value: FIRST, extra: 1 }), "INVALID_DATA", { target: "extra" });
  });
});

describe("password.check", () => {
  it("accepts the right password, resets failures and opens a session", async () => {
    const userId = await userWithPassword();
    expectError(await check(userId, "Wrong-Guess-000"), "INVALID_DATA", {
      code: "INVALID_VALUE",
      target: "password",
      message: "The provided password did not match provided user's password",
      innerError: { failuresRemaining: 4 },
    });
    const afterFailure = await state(userId);
    expect(afterFailure.body.failuresRemaining).toBe(4);
    expect(afterFailure.body.warnings.failuresRemaining).toBe(4);

    const result = await check(userId, FIRST);
    expectState(result, "OK");
    expect(result.body.failuresRemaining).toBe(5);
    expect(result.body.warnings).not.toHaveProperty("failuresRemaining");
    const sessions = await api("GET", `/users/${userId}/sessions`);
    expect(sessions.body._embedded.sessions).toHaveLength(1);
  });

  it("locks the password out after five failures until the lockout expires", async () => {
    const userId = await userWithPassword();
    for (let remaining = 4; remaining >= 0; remaining -= 1) {
      expectError(await check(userId, "Wrong-Guess-000"), "INVALID_DATA", {
        innerError: { failuresRemaining: remaining },
      });
    }
    const locked = await state(userId);
    expectState(locked, "PASSWORD_LOCKED_OUT");
    expect(locked.body.secondsUntilUnlock).toBe(900);
    expect(locked.body.failuresRemaining).toBe(0);
    expectError(await check(userId, FIRST), "INVALID_DATA", {
      code: "INVALID_VALUE",
      target: "password",
      message: "The user's password is locked",
      innerError: { secondsUntilUnlock: 900 },
    });

    await advanceClock(899);
    expect((await state(userId)).body.secondsUntilUnlock).toBe(1);
    await advanceClock(1);
    expectState(await state(userId), "OK");
    expectState(await check(userId, FIRST), "OK");
  });

  it("refuses a user without a password", async () => {
    const userId = await createUser();
    expectError(await check(userId, FIRST), "INVALID_DATA", {
      code: "NO_PASSWORD",
      target: "password",
      message: "The user does not have a password",
    });
  });

  it("accepts a password that must be changed without signing the user on", async () => {
    const userId = await createUser();
    await put(userId, SET, { value: FIRST, forceChange: true });
    expectState(await check(userId, FIRST), "MUST_CHANGE_PASSWORD");
    const sessions = await api("GET", `/users/${userId}/sessions`);
    expect(sessions.body._embedded.sessions).toHaveLength(0);
  });

  it("reports PASSWORD_EXPIRED after maxAgeDays, warning three weeks before", async () => {
    const userId = await userWithPassword();
    await advanceClock((182 - 21) * 86_400);
    const warned = await state(userId);
    expectState(warned, "OK");
    expect(warned.body.warnings.expires).toBe(
      new Date(Date.parse(warned.body.lastChangedAt) + 182 * 86_400_000).toISOString(),
    );
    await advanceClock(21 * 86_400);
    expectState(await state(userId), "PASSWORD_EXPIRED");
    expectState(await check(userId, FIRST), "PASSWORD_EXPIRED");
  });

  it("validates the body and never echoes the password", async () => {
    const userId = await userWithPassword();
    expectError(await post(userId, CHECK, {}), "INVALID_DATA", {
      code: "REQUIRED_VALUE",
      target: "password",
    });
    expectError(await post(userId, CHECK, { password: 42 }), "INVALID_DATA", { target: "password" });
    const wrong = await check(userId, "Leaky-Secret-99");
    expect(wrong.text).not.toContain("Leaky-Secret-99");
  });
});

describe("account conditions", () => {
  it("refuses every password operation on a disabled user", async () => {
    const userId = await userWithPassword();
    expect((await api("PUT", `/users/${userId}/enabled`, { body: { enabled: false } })).status).toBe(200);
    const notUsable = {
      code: "ACCOUNT_NOT_USABLE",
      target: "user",
      message: "The user account is not usable",
      innerError: { reason: "DISABLED" },
    };
    expectError(await check(userId, FIRST), "REQUEST_FAILED", notUsable);
    expectError(await post(userId, SEND_CODE), "REQUEST_FAILED", notUsable);
    expectError(await put(userId, SET, { value: SECOND }), "REQUEST_FAILED", notUsable);
    expectError(await post(userId, UNLOCK), "REQUEST_FAILED", notUsable);
  });

  it("refuses self-service on a locked account but lets an administrator clear the password lockout", async () => {
    const userId = await userWithPassword();
    await lockOut(userId);
    const lock = await api("POST", `/users/${userId}`, { contentType: `${MEDIA}account.lock+json` });
    expect(lock.status).toBe(200);
    expectError(await check(userId, FIRST), "REQUEST_FAILED", { innerError: { reason: "LOCKED" } });
    expectError(await put(userId, RESET, { currentPassword: FIRST, newPassword: SECOND }), "REQUEST_FAILED", {
      innerError: { reason: "LOCKED" },
    });
    expectState(await post(userId, UNLOCK), "OK");
    const user = await api("GET", `/users/${userId}`);
    expect(user.body.account.status).toBe("LOCKED");
  });

  it("refuses self-service for a user whose external identity provider is authoritative", async () => {
    const userId = await createUser(
      { identityProvider: { id: "6f1c3a52-1d6f-4d8e-9d59-2d55f1a1c001", type: "GOOGLE" } },
      `${MEDIA}user.import+json`,
    );
    expectError(await check(userId, FIRST), "REQUEST_FAILED", { innerError: { reason: "EXTERNAL_IDP" } });
    expectError(await post(userId, SEND_CODE), "REQUEST_FAILED", { innerError: { reason: "EXTERNAL_IDP" } });
  });
});

describe("password.unlock and password.forceChange", () => {
  it("unlock clears a lockout, in both spellings by default", async () => {
    const userId = await userWithPassword();
    await lockOut(userId);
    expectState(await post(userId, UNLOCK), "OK");
    await lockOut(userId);
    expectState(await post(userId, `${UNLOCK}+json`), "OK");
    expectState(await check(userId, FIRST), "OK");
  });

  it("forceChange keeps the password, demands a change and clears a lockout", async () => {
    const userId = await userWithPassword();
    await lockOut(userId);
    const forced = await post(userId, FORCE_CHANGE);
    expectState(forced, "MUST_CHANGE_PASSWORD");
    expect(forced.body.failuresRemaining).toBe(5);
    expectState(await check(userId, FIRST), "MUST_CHANGE_PASSWORD");
    expectError(await post(await createUser(), FORCE_CHANGE), "INVALID_DATA", { code: "NO_PASSWORD" });
  });

  it("accepts only the documented spellings in strict mode", async () => {
    const strict = await startEmulatorFixture({ settings: { actionMediaTypes: "strict" } });
    try {
      const created = await strict.api("POST", "/users", {
        body: { username: "strict", email: "strict@example.com" },
      });
      const path = `/users/${created.body.id}/password`;
      expect((await strict.api("POST", path, { contentType: `${UNLOCK}+json` })).status).toBe(415);
      expect((await strict.api("POST", path, { contentType: UNLOCK })).status).toBe(200);
    } finally {
      await strict.stop();
    }
  });

  it("answers 415 for an unknown or plain JSON media type", async () => {
    const userId = await userWithPassword();
    for (const contentType of [`${MEDIA}password.explode+json`, "application/json", SET]) {
      const result = await post(userId, contentType, {});
      expect(result.status).toBe(415);
      expectPingOneError(415, result.body);
      expect(result.body.code).toBe("INVALID_REQUEST");
    }
    expect((await put(userId, CHECK, { password: FIRST })).status).toBe(415);
  });
});

describe("password recovery", () => {
  it("emails an 8-character code that recovers the password, ignoring case", async () => {
    const userId = await userWithPassword();
    expectState(await post(userId, SEND_CODE), "OK");
    const [code] = await recoveryCodes(userId);
    expect(code).toMatch(/^[A-Z0-9]{8}$/);
    const outbox = await send("GET", `${fixture.url}/_emulator/outbox?userId=${userId}&type=RECOVERY_CODE`);
    expect(outbox.body.messages[0].to).toMatch(/^pw-user-\d+@example.com$/);

    expectState(
      await post(userId, RECOVER, { recoveryCode: code!.toLowerCase(), newPassword: SECOND }),
      "OK",
    );
    expectState(await check(userId, SECOND), "OK");
    expectError(await post(userId, RECOVER, { recoveryCode: code, newPassword: THIRD }), "INVALID_DATA", {
      target: "recoveryCode",
    });
  });

  it("refuses to send a code without a password or while locked out", async () => {
    const noPassword = await createUser();
    expectError(await post(noPassword, SEND_CODE), "INVALID_DATA", { code: "NO_PASSWORD" });
    const lockedOut = await userWithPassword();
    await lockOut(lockedOut);
    expectError(await post(lockedOut, SEND_CODE), "INVALID_DATA", {
      message: "The user's password is locked",
      innerError: { secondsUntilUnlock: 900 },
    });
    expect(await recoveryCodes(noPassword)).toEqual([]);
  });

  it("expires the code after five minutes on the emulator clock", async () => {
    const userId = await userWithPassword();
    await post(userId, SEND_CODE);
    const [code] = await recoveryCodes(userId);
    await advanceClock(300);
    expectError(await post(userId, RECOVER, { recoveryCode: code, newPassword: SECOND }), "INVALID_DATA", {
      code: "INVALID_VALUE",
      target: "recoveryCode",
      message: "The recovery code is invalid or has expired",
    });
  });

  it("allows five wrong codes, then refuses until a new code is sent", async () => {
    const userId = await userWithPassword();
    await post(userId, SEND_CODE);
    const [code] = await recoveryCodes(userId);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expectError(
        await post(userId, RECOVER, { recoveryCode: "WRONG000", newPassword: SECOND }),
        "INVALID_DATA",
        {
          target: "recoveryCode",
        },
      );
    }
    expectError(await post(userId, RECOVER, { recoveryCode: code, newPassword: SECOND }), "REQUEST_FAILED", {
      code: "CONSTRAINT_VIOLATION",
      target: "recoveryCode",
      message: "Maximum password recovery failures exceeded",
    });
    await post(userId, SEND_CODE);
    const [, fresh] = await recoveryCodes(userId);
    expectState(await post(userId, RECOVER, { recoveryCode: fresh, newPassword: SECOND }), "OK");
  });

  it("checks the new password against the policy and clears a lockout on success", async () => {
    const userId = await userWithPassword();
    await post(userId, SEND_CODE);
    const [code] = await recoveryCodes(userId);
    await lockOut(userId);
    expectError(await post(userId, RECOVER, { recoveryCode: code, newPassword: "short" }), "INVALID_DATA", {
      target: "newPassword",
      message: "User password did not satisfy password policy requirements",
    });
    expectError(await post(userId, RECOVER, { recoveryCode: code, newPassword: FIRST }), "INVALID_DATA", {
      target: "newPassword",
      innerError: { notCurrent: "Must differ from the current password" },
    });
    expectState(await post(userId, RECOVER, { recoveryCode: code, newPassword: SECOND }), "OK");
    expectState(await check(userId, SECOND), "OK");
  });
});

describe("password.reset", () => {
  it("changes the password once the minimum age has passed", async () => {
    const userId = await userWithPassword();
    const tooSoon = await put(userId, RESET, { currentPassword: FIRST, newPassword: SECOND });
    expectError(tooSoon, "INVALID_DATA", {
      code: "CONSTRAINT_VIOLATION",
      target: "newPassword",
      message: "The password cannot be changed yet",
    });
    const noChangeUntil = tooSoon.body.details[0].innerError.noChangeUntil as string;
    expect((await state(userId)).body.warnings.noChangeUntil).toBe(noChangeUntil);

    await advanceClock(86_400);
    expectState(await put(userId, RESET, { currentPassword: FIRST, newPassword: SECOND }), "OK");
    expectState(await check(userId, SECOND), "OK");
  });

  it("counts a wrong current password as a failure", async () => {
    const userId = await userWithPassword();
    expectError(
      await put(userId, RESET, { currentPassword: "Wrong-Guess-000", newPassword: SECOND }),
      "INVALID_DATA",
      {
        code: "INVALID_VALUE",
        target: "currentPassword",
        message: "The current password is incorrect",
        innerError: { failuresRemaining: 4 },
      },
    );
    expect((await state(userId)).body.failuresRemaining).toBe(4);
  });

  it("refuses the current password, a similar one and a remembered one", async () => {
    const userId = await userWithPassword(FIRST);
    await advanceClock(86_400);
    expectError(await put(userId, RESET, { currentPassword: FIRST, newPassword: FIRST }), "INVALID_DATA", {
      target: "newPassword",
      innerError: { notCurrent: "Must differ from the current password" },
    });
    expectError(
      await put(userId, RESET, { currentPassword: FIRST, newPassword: "Amber-Falcon-72" }),
      "INVALID_DATA",
      {
        innerError: { notSimilarToCurrent: "Must not be similar to the current password" },
      },
    );
    expectState(await put(userId, RESET, { currentPassword: FIRST, newPassword: SECOND }), "OK");
    await advanceClock(86_400);
    expectError(await put(userId, RESET, { currentPassword: SECOND, newPassword: FIRST }), "INVALID_DATA", {
      innerError: { history: "Must not be one of the recently used passwords" },
    });
  });

  it("refuses a locked-out password without counting another failure", async () => {
    const userId = await userWithPassword();
    await lockOut(userId);
    expectError(await put(userId, RESET, { currentPassword: FIRST, newPassword: SECOND }), "INVALID_DATA", {
      target: "password",
      message: "The user's password is locked",
    });
    expectError(
      await put(userId, RESET, { currentPassword: "Wrong-Guess-000", newPassword: SECOND }),
      "INVALID_DATA",
      {
        innerError: { secondsUntilUnlock: 900 },
      },
    );
  });

  it("lets a forced change happen at once", async () => {
    const userId = await createUser();
    await put(userId, SET, { value: FIRST, forceChange: true });
    expectState(await put(userId, RESET, { currentPassword: FIRST, newPassword: SECOND }), "OK");
  });
});

describe("password.setValue", () => {
  it("sets a value, and unsets it when the value is absent", async () => {
    const userId = await createUser();
    expectState(await put(userId, SET_VALUE, { value: FIRST, forceChange: true }), "MUST_CHANGE_PASSWORD");
    const unset = await put(userId, SET_VALUE, {});
    expectState(unset, "NO_PASSWORD");
    expect(unset.body).not.toHaveProperty("lastChangedAt");
    expectError(await check(userId, FIRST), "INVALID_DATA", { code: "NO_PASSWORD" });
  });
});

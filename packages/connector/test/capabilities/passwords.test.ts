import { describe, expect, it } from "vitest";
import {
  createUserWithPassword,
  invokeError,
  invokeOk,
  strongPassword,
} from "../support/capability-harness.js";
import { useEmulatorConnector } from "../support/emulator-connector.js";
import { createTestUser } from "../support/emulator-environment.js";
import { latestCode } from "../support/outbox.js";

const fixture = useEmulatorConnector({ client: { retry: { maxAttempts: 1 } } });

/** Moves the emulator's clock past the Standard policy's minimum password age (one day). */
async function passMinimumPasswordAge(): Promise<void> {
  const response = await fetch(`${fixture.env.url}/_emulator/clock`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ advanceSeconds: 2 * 86_400 }),
  });
  expect(response.status).toBe(200);
}

async function disable(userId: string): Promise<void> {
  await fixture.env.client.request({
    method: "PUT",
    path: `/environments/${fixture.env.environment.environmentId}/users/${userId}/enabled`,
    body: { enabled: false },
  });
}

const recoveryCodeOf = (userId: string) =>
  latestCode(fixture.env.url, {
    environmentId: fixture.env.environment.environmentId,
    userId,
    type: "RECOVERY_CODE",
  });

describe("checkPassword", () => {
  it("returns the password state for the right password, and never echoes it", async () => {
    const password = strongPassword();
    const user = await createUserWithPassword(fixture.env.client, password);
    const output = await invokeOk(fixture.connector, "checkPassword", {
      properties: { matchAttribute: "email", identifier: user.email, password },
    });
    expect(output.passwordState).toMatchObject({ status: "OK", user: { id: user.id } });
    expect(output.rawResponse).toMatchObject({ status: "OK" });
    expect(JSON.stringify(output)).not.toContain(password);
  });

  it("fails with passwordNotValid, noPassword and userDisabled", async () => {
    const user = await createUserWithPassword(fixture.env.client, strongPassword());
    const wrong = await invokeError(fixture.connector, "checkPassword", {
      identifier: user.id,
      password: "Wrong-Passw0rd!",
    });
    expect(wrong).toMatchObject({ code: "passwordNotValid", httpResponseCode: 400 });
    expect(JSON.stringify(wrong)).not.toContain("Wrong-Passw0rd!");
    const noPassword = await createTestUser(fixture.env.client);
    expect(
      (await invokeError(fixture.connector, "checkPassword", { identifier: noPassword.id, password: "x" }))
        .code,
    ).toBe("noPassword");
    const disabled = await createUserWithPassword(fixture.env.client, strongPassword());
    await disable(disabled.id);
    expect(
      (await invokeError(fixture.connector, "checkPassword", { identifier: disabled.id, password: "x" }))
        .code,
    ).toBe("userDisabled");
  });

  it("fails with accountNotUsable for an account an administrator locked", async () => {
    const password = strongPassword();
    const user = await createUserWithPassword(fixture.env.client, password);
    await fixture.env.client.request({
      method: "POST",
      path: `/environments/${fixture.env.environment.environmentId}/users/${user.id}`,
      contentType: "application/vnd.pingidentity.account.lock+json",
      body: {},
    });
    expect(
      (await invokeError(fixture.connector, "checkPassword", { identifier: user.id, password })).code,
    ).toBe("accountNotUsable");
  });

  it("refuses an empty password before any call", async () => {
    const error = await invokeError(fixture.connector, "checkPassword", {
      identifier: "someone",
      password: "",
    });
    expect(error.code).toBe("invalidInput");
    expect(error.problems).toEqual([expect.objectContaining({ path: "/password", keyword: "minLength" })]);
  });
});

describe("setPassword", () => {
  it("sets a password, forcing a change at next sign-on", async () => {
    const user = await createTestUser(fixture.env.client);
    const value = strongPassword();
    const output = await invokeOk(fixture.connector, "setPassword", {
      matchAttribute: "username",
      identifier: user.username,
      passwordValue: value,
      forceChange: true,
    });
    expect(output.passwordState).toMatchObject({ status: "MUST_CHANGE_PASSWORD" });
    const check = await invokeOk(fixture.connector, "checkPassword", {
      identifier: user.id,
      password: value,
    });
    expect(check.passwordState).toMatchObject({ status: "MUST_CHANGE_PASSWORD" });
  });

  it("fails with passwordPolicyNotValid and passwordStorageSchemeUnsupported", async () => {
    const user = await createTestUser(fixture.env.client);
    expect(
      (await invokeError(fixture.connector, "setPassword", { identifier: user.id, passwordValue: "abc" }))
        .code,
    ).toBe("passwordPolicyNotValid");
    expect(
      (
        await invokeError(fixture.connector, "setPassword", {
          identifier: user.id,
          passwordValue: "{MD5}X03MO1qnZdYdgyfeuILPmQ==",
        })
      ).code,
    ).toBe("passwordStorageSchemeUnsupported");
  });

  it("accepts the legacy newPassword and refuses a missing value", async () => {
    const user = await createTestUser(fixture.env.client);
    const output = await invokeOk(fixture.connector, "setPassword", {
      identifier: user.id,
      newPassword: strongPassword(),
    });
    expect(output.passwordState).toMatchObject({ status: "OK" });
    const error = await invokeError(fixture.connector, "setPassword", {
      identifier: user.id,
      forceChange: "yes",
    });
    expect(error.problems?.map((p) => p.path).sort()).toEqual(["/forceChange", "/passwordValue"]);
  });
});

describe("resetPassword", () => {
  it("refuses a change before the minimum age with passwordTooYoung, then changes it", async () => {
    const current = strongPassword();
    const user = await createUserWithPassword(fixture.env.client, current);
    const next = strongPassword();
    const young = await invokeError(fixture.connector, "resetPassword", {
      identifier: user.id,
      currentPassword: current,
      newPassword: next,
    });
    expect(young.code).toBe("passwordTooYoung");
    await passMinimumPasswordAge();
    const output = await invokeOk(fixture.connector, "resetPassword", {
      identifier: user.id,
      currentPassword: current,
      newPassword: next,
    });
    expect(output.passwordState).toMatchObject({ status: "OK" });
    expect(
      (await invokeOk(fixture.connector, "checkPassword", { identifier: user.id, password: next }))
        .statusCode,
    ).toBe(200);
  });

  it("fails with currentPasswordNotValid, newPasswordNotValid and requiredValue", async () => {
    const current = strongPassword();
    const user = await createUserWithPassword(fixture.env.client, current);
    await passMinimumPasswordAge();
    const wrongCurrent = await invokeError(fixture.connector, "resetPassword", {
      identifier: user.id,
      currentPassword: "Not-the-0ne!",
      newPassword: strongPassword(),
    });
    expect(wrongCurrent.code).toBe("currentPasswordNotValid");
    const weakNew = await invokeError(fixture.connector, "resetPassword", {
      identifier: user.id,
      currentPassword: current,
      newPassword: "weak",
    });
    expect(weakNew.code).toBe("newPasswordNotValid");
    const missing = await invokeError(fixture.connector, "resetPassword", {
      identifier: user.id,
      currentPassword: current,
    });
    expect(missing).toMatchObject({ code: "requiredValue", httpResponseCode: 400, details: [] });
  });

  it("refuses an empty new password in validation", async () => {
    const error = await invokeError(fixture.connector, "resetPassword", {
      identifier: "x",
      currentPassword: "a",
      newPassword: "",
    });
    expect(error.code).toBe("invalidInput");
  });
});

describe("sendRecoveryCode and recoverPassword", () => {
  it("journey: send a recovery code, read it from the outbox, recover, sign on with the new password", async () => {
    const user = await createUserWithPassword(fixture.env.client, strongPassword());
    const sent = await invokeOk(fixture.connector, "sendRecoveryCode", {
      matchAttribute: "email",
      identifier: user.email,
    });
    expect(sent.passwordState).toMatchObject({ user: { id: user.id } });
    const code = await recoveryCodeOf(user.id);
    const newPassword = strongPassword();
    const recovered = await invokeOk(fixture.connector, "recoverPassword", {
      matchAttribute: "username",
      identifier: user.username,
      recoveryCode: code,
      newPassword,
    });
    expect(recovered.passwordState).toMatchObject({ status: "OK" });
    expect(JSON.stringify(recovered)).not.toContain(code);
    const check = await invokeOk(fixture.connector, "checkPassword", {
      identifier: user.id,
      password: newPassword,
    });
    expect(check.passwordState).toMatchObject({ status: "OK" });
  });

  it("sendRecoveryCode fails with noPassword and userDisabled, and refuses a bad matchAttribute", async () => {
    const noPassword = await createTestUser(fixture.env.client);
    expect(
      (await invokeError(fixture.connector, "sendRecoveryCode", { identifier: noPassword.id })).code,
    ).toBe("noPassword");
    const disabled = await createUserWithPassword(fixture.env.client, strongPassword());
    await disable(disabled.id);
    expect((await invokeError(fixture.connector, "sendRecoveryCode", { identifier: disabled.id })).code).toBe(
      "userDisabled",
    );
    expect(
      (await invokeError(fixture.connector, "sendRecoveryCode", { identifier: "x", matchAttribute: "phone" }))
        .code,
    ).toBe("invalidInput");
  });

  it("recoverPassword fails with invalidValue for a wrong code and refuses a missing code", async () => {
    const user = await createUserWithPassword(fixture.env.client, strongPassword());
    await invokeOk(fixture.connector, "sendRecoveryCode", { identifier: user.id });
    const wrong = await invokeError(fixture.connector, "recoverPassword", {
      identifier: user.id,
      recoveryCode: "ZZZZ0000",
      newPassword: strongPassword(),
    });
    expect(wrong).toMatchObject({ code: "invalidValue", httpResponseCode: 400 });
    const missing = await invokeError(fixture.connector, "recoverPassword", {
      identifier: user.id,
      newPassword: "x",
    });
    expect(missing.problems?.[0]?.path).toBe("/recoveryCode");
  });
});

describe("unlockUser", () => {
  it("journey: wrong passwords until passwordLockedOut, unlockUser, then a successful checkPassword", async () => {
    const password = strongPassword();
    const user = await createUserWithPassword(fixture.env.client, password);
    const codes: string[] = [];
    for (let attempt = 0; attempt < 10 && codes.at(-1) !== "passwordLockedOut"; attempt++) {
      codes.push(
        (
          await invokeError(fixture.connector, "checkPassword", {
            identifier: user.id,
            password: "Wrong-Passw0rd!",
          })
        ).code,
      );
    }
    expect(codes.at(-1)).toBe("passwordLockedOut");
    expect(codes.slice(0, -1).every((code) => code === "passwordNotValid")).toBe(true);
    expect(
      (await invokeError(fixture.connector, "checkPassword", { identifier: user.id, password })).code,
    ).toBe("passwordLockedOut");
    const unlocked = await invokeOk(fixture.connector, "unlockUser", { userId: user.id });
    expect(unlocked.user).toMatchObject({ id: user.id, account: { status: "OK" } });
    const check = await invokeOk(fixture.connector, "checkPassword", { identifier: user.id, password });
    expect(check.passwordState).toMatchObject({ status: "OK" });
  });

  it("unlocks an account locked by an administrator", async () => {
    const user = await createTestUser(fixture.env.client);
    await fixture.env.client.request({
      method: "POST",
      path: `/environments/${fixture.env.environment.environmentId}/users/${user.id}`,
      contentType: "application/vnd.pingidentity.account.lock+json",
      body: {},
    });
    const output = await invokeOk(fixture.connector, "unlockUser", { properties: { userId: user.id } });
    expect(output.user).toMatchObject({ account: { status: "OK", canAuthenticate: true } });
  });

  it("fails with noUserMatch and refuses a missing userId", async () => {
    expect(
      (await invokeError(fixture.connector, "unlockUser", { userId: "00000000-0000-4000-8000-000000000000" }))
        .code,
    ).toBe("noUserMatch");
    expect((await invokeError(fixture.connector, "unlockUser", { userId: " " })).code).toBe("invalidInput");
    expect((await invokeError(fixture.connector, "unlockUser", {})).problems?.[0]?.path).toBe("/userId");
  });
});

import { describe, expect, it } from "vitest";
import { invokeError, invokeOk, strongPassword } from "../support/capability-harness.js";
import { useEmulatorConnector } from "../support/emulator-connector.js";
import { createTestUser } from "../support/emulator-environment.js";
import { latestCode, latestOutboxMessage } from "../support/outbox.js";

const fixture = useEmulatorConnector({ client: { retry: { maxAttempts: 1 } } });

const verificationCodeOf = (userId: string) =>
  latestCode(fixture.env.url, {
    environmentId: fixture.env.environment.environmentId,
    userId,
    type: "VERIFICATION_CODE",
  });

describe("registration journey", () => {
  it("createUser with VERIFICATION_REQUIRED, the emailed code, verifyEmail, then checkPassword", async () => {
    const username = `register-${Date.now()}`;
    const password = strongPassword();
    const created = await invokeOk(fixture.connector, "createUser", {
      username,
      email: `${username}@example.com`,
      passwordForCreateUser: password,
      lifecycleStatus: "VERIFICATION_REQUIRED",
    });
    const user = created.user as { id: string; lifecycle: { status: string } };
    expect(user.lifecycle.status).toBe("VERIFICATION_REQUIRED");
    const code = await verificationCodeOf(user.id);
    const verified = await invokeOk(fixture.connector, "verifyEmail", {
      matchAttribute: "username",
      identifier: username,
      verificationCode: code,
    });
    expect(verified.user).toMatchObject({
      id: user.id,
      lifecycle: { status: "ACCOUNT_OK" },
      emailVerified: true,
    });
    expect(JSON.stringify(verified)).not.toContain(code);
    const check = await invokeOk(fixture.connector, "checkPassword", {
      matchAttribute: "email",
      identifier: `${username}@example.com`,
      password,
    });
    expect(check.passwordState).toMatchObject({ status: "OK" });
  });
});

describe("sendVerificationCode", () => {
  it("emails a new code and puts the user back to VERIFICATION_REQUIRED", async () => {
    const user = await createTestUser(fixture.env.client);
    const output = await invokeOk(fixture.connector, "sendVerificationCode", {
      matchAttribute: "email",
      identifier: user.email,
    });
    expect(output.user).toMatchObject({ id: user.id, lifecycle: { status: "VERIFICATION_REQUIRED" } });
    const message = await latestOutboxMessage(fixture.env.url, {
      environmentId: fixture.env.environment.environmentId,
      userId: user.id,
      type: "VERIFICATION_CODE",
    });
    expect(message?.to).toBe(user.email);
  });

  it("fails with noUserMatch and refuses a non-string identifier", async () => {
    expect(
      (
        await invokeError(fixture.connector, "sendVerificationCode", {
          matchAttribute: "email",
          identifier: "no@x.io",
        })
      ).code,
    ).toBe("noUserMatch");
    expect((await invokeError(fixture.connector, "sendVerificationCode", { identifier: 42 })).code).toBe(
      "invalidInput",
    );
  });
});

describe("verifyEmail", () => {
  it("fails with invalidValue for a wrong code and with emptyValue for an empty one", async () => {
    const user = await createTestUser(fixture.env.client);
    await invokeOk(fixture.connector, "sendVerificationCode", { identifier: user.id });
    const wrong = await invokeError(fixture.connector, "verifyEmail", {
      identifier: user.id,
      verificationCode: "WRONG123",
    });
    expect(wrong).toMatchObject({ code: "invalidValue", httpResponseCode: 400 });
    const empty = await invokeError(fixture.connector, "verifyEmail", {
      identifier: user.id,
      verificationCode: " ",
    });
    expect(empty).toMatchObject({ code: "emptyValue", details: [] });
  });

  it("only accepts the latest code", async () => {
    const user = await createTestUser(fixture.env.client);
    await invokeOk(fixture.connector, "sendVerificationCode", { identifier: user.id });
    const first = await verificationCodeOf(user.id);
    await invokeOk(fixture.connector, "sendVerificationCode", { identifier: user.id });
    const second = await verificationCodeOf(user.id);
    expect(second).not.toBe(first);
    expect(
      (await invokeError(fixture.connector, "verifyEmail", { identifier: user.id, verificationCode: first }))
        .code,
    ).toBe("invalidValue");
    expect(
      (await invokeOk(fixture.connector, "verifyEmail", { identifier: user.id, verificationCode: second }))
        .user,
    ).toMatchObject({
      lifecycle: { status: "ACCOUNT_OK" },
    });
  });

  it("refuses a code longer than 100 characters", async () => {
    const error = await invokeError(fixture.connector, "verifyEmail", {
      identifier: "x",
      verificationCode: "9".repeat(101),
    });
    expect(error.problems).toEqual([
      expect.objectContaining({ path: "/verificationCode", keyword: "maxLength" }),
    ]);
  });
});

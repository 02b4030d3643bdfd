import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createManualClock } from "../../src/index.js";
import { type EmulatorFixture, send, startEmulatorFixture } from "../support/emulator-harness.js";

const LOCK = "application/vnd.pingidentity.account.lock+json";
const UNLOCK = "application/vnd.pingidentity.account.unlock+json";
const SEND_CODE = "application/vnd.pingidentity.user.sendVerificationCode+json";
const VERIFY = "application/vnd.pingidentity.user.verify+json";

describe("user actions on POST /users/{id}", () => {
  const clock = createManualClock(Date.UTC(2025, 5, 1));
  let fixture: EmulatorFixture;

  beforeAll(async () => {
    fixture = await startEmulatorFixture({ clock });
  });
  afterAll(() => fixture.stop());
  // Tests move the clock by hours and days; each starts with a token that is valid now.
  beforeEach(async () => {
    await fixture.renewToken();
  });

  const newUser = async (username: string) =>
    (await fixture.api("POST", "/users", { body: { username, email: `${username}@example.com` } })).body
      .id as string;

  it("locks until an administrator unlocks, with account.unlock link while locked", async () => {
    const userId = await newUser("locked-forever");
    const locked = await fixture.api("POST", `/users/${userId}`, { contentType: LOCK });
    expect(locked.status).toBe(200);
    expect(locked.body.account).toEqual({
      canAuthenticate: false,
      status: "LOCKED",
      lockedAt: new Date(clock.now()).toISOString(),
    });
    expect(locked.body._links["account.unlock"]).toBeDefined();
    clock.advance(86_400 * 30);
    await fixture.renewToken();
    expect((await fixture.api("GET", `/users/${userId}`)).body.account.status).toBe("LOCKED");
    const unlocked = await fixture.api("POST", `/users/${userId}`, { contentType: UNLOCK });
    expect(unlocked.status).toBe(200);
    expect(unlocked.body.account).toEqual({ canAuthenticate: true, status: "OK" });
    expect(unlocked.body._links["account.unlock"]).toBeUndefined();
  });

  it("unlocks automatically when the clock passes unlockAt", async () => {
    const userId = await newUser("locked-for-an-hour");
    const unlockAt = new Date(clock.now() + 3_600_000).toISOString();
    const locked = await fixture.api("POST", `/users/${userId}`, { contentType: LOCK, body: { unlockAt } });
    expect(locked.body.account).toMatchObject({ status: "LOCKED", unlockAt, secondsUntilUnlock: 3600 });
    clock.advance(1800);
    expect((await fixture.api("GET", `/users/${userId}`)).body.account.secondsUntilUnlock).toBe(1800);
    clock.advance(1800);
    await fixture.renewToken();
    expect((await fixture.api("GET", `/users/${userId}`)).body.account).toEqual({
      canAuthenticate: true,
      status: "OK",
    });
  });

  it("refuses an unlockAt in the past (or ignores it with the setting) and a malformed one", async () => {
    const userId = await newUser("past-unlock");
    const past = new Date(clock.now() - 1000).toISOString();
    const refused = await fixture.api("POST", `/users/${userId}`, {
      contentType: LOCK,
      body: { unlockAt: past },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.details[0]).toMatchObject({ code: "INVALID_VALUE", target: "unlockAt" });
    expect((await fixture.api("GET", `/users/${userId}`)).body.account.status).toBe("OK");
    const malformed = await fixture.api("POST", `/users/${userId}`, {
      contentType: LOCK,
      body: { unlockAt: "tomorrow" },
    });
    expect(malformed.status).toBe(400);

    const lenient = await startEmulatorFixture({ clock, settings: { unlockAtInPast: "ignore" } });
    try {
      const created = await lenient.api("POST", "/users", {
        body: { username: "u", email: "u@example.com" },
      });
      const ignored = await lenient.api("POST", `/users/${created.body.id}`, {
        contentType: LOCK,
        body: { unlockAt: past },
      });
      expect(ignored.status).toBe(200);
      expect(ignored.body.account.status).toBe("OK");
    } finally {
      await lenient.stop();
    }
  });

  it("a disabled user cannot authenticate", async () => {
    const userId = await newUser("disabled");
    await fixture.api("PUT", `/users/${userId}/enabled`, { body: { enabled: false } });
    expect((await fixture.api("GET", `/users/${userId}`)).body.account).toEqual({
      canAuthenticate: false,
      status: "OK",
    });
  });

  it("sends a verification code (latest only) and verifies with it", async () => {
    const userId = await newUser("verify-me");
    const first = await fixture.api("POST", `/users/${userId}`, { contentType: SEND_CODE });
    expect(first.status).toBe(200);
    expect(first.body.lifecycle.status).toBe("VERIFICATION_REQUIRED");
    await fixture.api("POST", `/users/${userId}`, { contentType: SEND_CODE });
    const outbox = await send(
      "GET",
      `${fixture.url}/_emulator/outbox?userId=${userId}&type=VERIFICATION_CODE`,
    );
    const [older, latest] = outbox.body.messages.map((message: { code: string }) => message.code);
    expect(latest).toMatch(/^[A-Za-z0-9]{8}$/);

    const stale = await fixture.api("POST", `/users/${userId}`, {
      contentType: VERIFY,
      body: { verificationCode: older },
    });
    if (older !== latest) {
      expect(stale.status).toBe(400);
      expect(stale.body.details[0]).toMatchObject({ code: "INVALID_VALUE", target: "verificationCode" });
    }
    const wrong = await fixture.api("POST", `/users/${userId}`, {
      contentType: VERIFY,
      body: { verificationCode: "ZZZZZZZZ" },
    });
    expect(wrong.status).toBe(400);
    const verified = await fixture.api("POST", `/users/${userId}`, {
      contentType: VERIFY,
      body: { verificationCode: latest },
    });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ lifecycle: { status: "ACCOUNT_OK" }, emailVerified: true });
    const again = await fixture.api("POST", `/users/${userId}`, {
      contentType: VERIFY,
      body: { verificationCode: latest },
    });
    expect(again.status).toBe(400);
  });

  it("does not mark a changed email verified with a code sent to the old one", async () => {
    const userId = await newUser("email-changer");
    await fixture.api("POST", `/users/${userId}`, { contentType: SEND_CODE });
    const outbox = await send("GET", `${fixture.url}/_emulator/outbox?userId=${userId}`);
    await fixture.api("PATCH", `/users/${userId}`, { body: { email: "new-address@example.com" } });
    const verified = await fixture.api("POST", `/users/${userId}`, {
      contentType: VERIFY,
      body: { verificationCode: outbox.body.messages[0].code },
    });
    expect(verified.body).toMatchObject({ lifecycle: { status: "ACCOUNT_OK" }, emailVerified: false });
  });

  it("refuses verify without a code, a body on unlock, and unknown or plain JSON media types", async () => {
    const userId = await newUser("strict-bodies");
    expect((await fixture.api("POST", `/users/${userId}`, { contentType: VERIFY, body: {} })).status).toBe(
      400,
    );
    expect(
      (await fixture.api("POST", `/users/${userId}`, { contentType: UNLOCK, body: { x: 1 } })).status,
    ).toBe(400);
    const plain = await fixture.api("POST", `/users/${userId}`, { body: {} });
    expect(plain.status).toBe(415);
    expect(plain.body.code).toBe("INVALID_REQUEST");
    const unknown = await fixture.api("POST", `/users/${userId}`, {
      contentType: "application/vnd.pingidentity.user.explode+json",
    });
    expect(unknown.status).toBe(415);
    expect((await fixture.api("POST", `/users/${crypto.randomUUID()}`, { contentType: UNLOCK })).status).toBe(
      404,
    );
  });

  it("accepts action types without +json in lenient mode only", async () => {
    const userId = await newUser("lenient-media");
    const bare = await fixture.api("POST", `/users/${userId}`, {
      contentType: "application/vnd.pingidentity.account.lock",
    });
    expect(bare.status).toBe(200);
    const strict = await startEmulatorFixture({ settings: { actionMediaTypes: "strict" } });
    try {
      const created = await strict.api("POST", "/users", { body: { username: "s", email: "s@example.com" } });
      const refused = await strict.api("POST", `/users/${created.body.id}`, {
        contentType: "application/vnd.pingidentity.account.lock",
      });
      expect(refused.status).toBe(415);
      const documented = await strict.api("POST", `/users/${created.body.id}`, { contentType: LOCK });
      expect(documented.status).toBe(200);
    } finally {
      await strict.stop();
    }
  });

  it("refuses a verification email for a user past the daily quota with 429 QUOTA_EXCEEDED", async () => {
    const userId = await newUser("chatty");
    for (let index = 0; index < 50; index += 1) {
      expect((await fixture.api("POST", `/users/${userId}`, { contentType: SEND_CODE })).status).toBe(200);
    }
    const over = await fixture.api("POST", `/users/${userId}`, { contentType: SEND_CODE });
    expect(over.status).toBe(429);
    expect(over.body).toMatchObject({ code: "REQUEST_LIMITED", details: [{ code: "QUOTA_EXCEEDED" }] });
    expect(over.headers.get("retry-after")).toMatch(/^\d+$/);
    clock.advance(86_401);
    await fixture.renewToken();
    expect((await fixture.api("POST", `/users/${userId}`, { contentType: SEND_CODE })).status).toBe(200);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createManualClock } from "../../src/index.js";
import { type EmulatorFixture, fetchToken, send, startEmulatorFixture } from "../support/emulator-harness.js";

describe("back door /_emulator", () => {
  const clock = createManualClock();
  let fixture: EmulatorFixture;
  const backDoor = (path: string) => `${fixture.url}/_emulator${path}`;

  beforeAll(async () => {
    fixture = await startEmulatorFixture({ clock });
  });
  afterAll(() => fixture.stop());
  beforeEach(async () => {
    await send("DELETE", backDoor("/faults"));
  });

  it("reports health", async () => {
    const result = await send("GET", backDoor("/health"));
    expect(result.status).toBe(200);
    expect(result.body.status).toBe("ok");
  });

  it("provisions an environment with a default population, three password policies and a worker", async () => {
    const environmentId = crypto.randomUUID();
    const result = await send("POST", backDoor("/environments"), {
      body: { id: environmentId, name: "Provisioned", region: "EU", tokenAuthMethod: "CLIENT_SECRET_POST" },
    });
    expect(result.status).toBe(201);
    expect(result.body).toEqual({
      environmentId,
      clientId: expect.any(String),
      clientSecret: expect.any(String),
      tokenAuthMethod: "CLIENT_SECRET_POST",
      authUrl: fixture.url,
      apiUrl: fixture.url,
    });
    const token = await fetchToken(result.body);
    const populations = await send("GET", `${fixture.url}/v1/environments/${environmentId}/populations`, {
      token,
    });
    expect(populations.body._embedded.populations).toEqual([expect.objectContaining({ default: true })]);
    const environment = await send("GET", `${fixture.url}/v1/environments/${environmentId}`, { token });
    expect(environment.body).toMatchObject({ id: environmentId, name: "Provisioned", region: "EU" });
    const policies = fixture.emulator.db
      .prepare("SELECT name, is_default FROM password_policies WHERE environment_id = ? ORDER BY name")
      .all(environmentId);
    expect(policies).toEqual([
      { name: "Basic", is_default: 0 },
      { name: "Passphrase", is_default: 0 },
      { name: "Standard", is_default: 1 },
    ]);

    const duplicate = await send("POST", backDoor("/environments"), { body: { id: environmentId } });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.details[0]).toMatchObject({ code: "UNIQUENESS_VIOLATION", target: "id" });
  });

  it("refuses bad provisioning requests", async () => {
    const badRole = await send("POST", backDoor("/environments"), { body: { roles: ["Superuser"] } });
    expect(badRole.status).toBe(400);
    const badRegion = await send("POST", backDoor("/environments"), { body: { region: "MARS" } });
    expect(badRegion.status).toBe(400);
    const unknownField = await send("POST", backDoor("/environments"), { body: { color: "blue" } });
    expect(unknownField.status).toBe(400);
    for (const names of [["has space"], ['quote"d'], ["username"], ["Email"]]) {
      const custom = await send("POST", backDoor("/environments"), { body: { customUserAttributes: names } });
      expect(custom.status, names[0]).toBe(400);
      expect(custom.body.details[0].target).toBe("customUserAttributes");
    }
  });

  it("shows verification emails in the outbox, filtered by environment, user and type", async () => {
    const created = await fixture.api("POST", "/users", {
      body: { username: "outboxed", email: "o@example.com" },
    });
    const userId = created.body.id as string;
    const sent = await fixture.api("POST", `/users/${userId}`, {
      contentType: "application/vnd.pingidentity.user.sendVerificationCode+json",
    });
    expect(sent.status).toBe(200);
    const outbox = await send(
      "GET",
      backDoor(
        `/outbox?environmentId=${fixture.environment.environmentId}&userId=${userId}&type=VERIFICATION_CODE`,
      ),
    );
    expect(outbox.body.messages).toEqual([
      expect.objectContaining({
        type: "VERIFICATION_CODE",
        environmentId: fixture.environment.environmentId,
        userId,
        to: "o@example.com",
        code: expect.stringMatching(/^[A-Za-z0-9]{8}$/),
        subject: expect.any(String),
        createdAt: expect.any(String),
      }),
    ]);
    const otherType = await send("GET", backDoor(`/outbox?userId=${userId}&type=RECOVERY_CODE`));
    expect(otherType.body.messages).toEqual([]);
  });

  it("injects a status on the next N matching calls, then stops", async () => {
    const added = await send("POST", backDoor("/faults"), {
      body: {
        rules: [{ method: "GET", path: "/v1/environments/*/users", status: 503, count: 2, retryAfter: 7 }],
      },
    });
    expect(added.status).toBe(201);
    const first = await fixture.api("GET", "/users");
    expect(first.status).toBe(503);
    expect(first.headers.get("retry-after")).toBe("7");
    expect(first.body).toMatchObject({ id: expect.any(String), code: expect.any(String) });
    expect((await fixture.api("GET", "/users")).status).toBe(503);
    expect((await fixture.api("GET", "/users")).status).toBe(200);
    expect((await fixture.api("GET", "/populations")).status).toBe(200);
  });

  it("applies a fault to every matching call with probability 1 until the faults are deleted", async () => {
    await send("POST", backDoor("/faults"), {
      body: { rules: [{ path: "/v1/environments/**", status: 500, probability: 1 }] },
    });
    const faulted = await fixture.api("GET", "/populations");
    expect(faulted.status).toBe(500);
    expect(faulted.body.code).toBe("UNEXPECTED_ERROR");
    expect((await fixture.api("GET", "/users")).status).toBe(500);
    expect((await send("DELETE", backDoor("/faults"))).status).toBe(204);
    expect((await fixture.api("GET", "/users")).status).toBe(200);
  });

  it("with when=after runs the write and then answers with the fault", async () => {
    await send("POST", backDoor("/faults"), {
      body: {
        rules: [
          {
            method: "POST",
            path: "/v1/environments/:envId/populations",
            status: 502,
            count: 1,
            when: "after",
          },
        ],
      },
    });
    const write = await fixture.api("POST", "/populations", { body: { name: "Written despite 502" } });
    expect(write.status).toBe(502);
    const list = await fixture.api(
      "GET",
      `/populations?filter=${encodeURIComponent('name sw "Written despite"')}`,
    );
    expect(list.body.count).toBe(1);
  });

  it("drops the connection and delays responses", async () => {
    await send("POST", backDoor("/faults"), {
      body: { rules: [{ path: "/v1/environments/*/users", resetConnection: true, count: 1 }] },
    });
    await expect(fixture.api("GET", "/users")).rejects.toThrow();
    await send("POST", backDoor("/faults"), {
      body: { rules: [{ path: "/v1/environments/*/users", delayMs: 300, count: 1 }] },
    });
    const started = performance.now();
    const delayed = await fixture.api("GET", "/users");
    expect(delayed.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(280);
  });

  it("sends a malformed body when asked", async () => {
    await send("POST", backDoor("/faults"), {
      body: { rules: [{ path: "/v1/environments/*/users", status: 500, malformedBody: true, count: 1 }] },
    });
    const result = await fixture.api("GET", "/users");
    expect(result.status).toBe(500);
    expect(result.body).toBeUndefined();
  });

  it("refuses invalid fault rules", async () => {
    const noPath = await send("POST", backDoor("/faults"), { body: { rules: [{ status: 500 }] } });
    expect(noPath.status).toBe(400);
    const both = await send("POST", backDoor("/faults"), {
      body: { rules: [{ path: "/x", status: 500, count: 1, probability: 0.5 }] },
    });
    expect(both.status).toBe(400);
    const badStatus = await send("POST", backDoor("/faults"), {
      body: { rules: [{ path: "/x", status: 200 }] },
    });
    expect(badStatus.status).toBe(400);
    expect((await send("GET", backDoor("/faults"))).body.rules).toEqual([]);
  });

  it("rate limits an environment with a token bucket: 429 REQUEST_LIMITED with an integer Retry-After", async () => {
    const environmentId = fixture.environment.environmentId;
    const set = await send("POST", backDoor("/rate-limit"), {
      body: { environmentId, requestsPerSecond: 2 },
    });
    expect(set.status).toBe(200);
    expect((await fixture.api("GET", "/users")).status).toBe(200);
    expect((await fixture.api("GET", "/users")).status).toBe(200);
    const limited = await fixture.api("GET", "/users");
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ code: "REQUEST_LIMITED" });
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    clock.advance(1);
    expect((await fixture.api("GET", "/users")).status).toBe(200);
    await send("POST", backDoor("/rate-limit"), { body: { environmentId, requestsPerSecond: null } });
    for (let index = 0; index < 5; index += 1) expect((await fixture.api("GET", "/users")).status).toBe(200);
  });

  it("moves the clock forward only", async () => {
    const before = (await send("GET", backDoor("/clock"))).body.now as string;
    const moved = await send("POST", backDoor("/clock"), { body: { advanceSeconds: 3600 } });
    expect(Date.parse(moved.body.now) - Date.parse(before)).toBe(3_600_000);
    const backwards = await send("POST", backDoor("/clock"), { body: { advanceSeconds: -5 } });
    expect(backwards.status).toBe(400);
    const text = await send("POST", backDoor("/clock"), { body: { advanceSeconds: "10" } });
    expect(text.status).toBe(400);
  });

  it("refuses to move the clock beyond 100 years from real time, and leaves it where it was", async () => {
    const fresh = await startEmulatorFixture();
    try {
      const before = (await send("GET", `${fresh.url}/_emulator/clock`)).body.now as string;
      const hundredAndOneYears = 101 * 365.25 * 24 * 60 * 60;
      for (const advanceSeconds of [9_000_000_000_000, hundredAndOneYears, Number.MAX_VALUE]) {
        const refused = await send("POST", `${fresh.url}/_emulator/clock`, { body: { advanceSeconds } });
        expect(refused.status).toBe(400);
        expect(refused.body).toMatchObject({
          code: "INVALID_DATA",
          details: [{ target: "advanceSeconds", message: expect.stringContaining("100 years") }],
        });
      }
      const health = await send("GET", `${fresh.url}/_emulator/health`);
      expect(health.status).toBe(200);
      expect(Date.parse(health.body.now) - Date.parse(before)).toBeLessThan(60_000);
      expect((await fresh.api("GET", "/users")).status).toBe(200);
      const ninetyYears = 90 * 365.25 * 24 * 60 * 60;
      expect(
        (await send("POST", `${fresh.url}/_emulator/clock`, { body: { advanceSeconds: ninetyYears } }))
          .status,
      ).toBe(200);
      const tooFarInTotal = await send("POST", `${fresh.url}/_emulator/clock`, {
        body: { advanceSeconds: ninetyYears },
      });
      expect(tooFarInTotal.status).toBe(400);
      expect((await send("GET", `${fresh.url}/_emulator/health`)).status).toBe(200);
    } finally {
      await fresh.stop();
    }
  });

  it("counts requests by route pattern and status, and tokens issued", async () => {
    const fresh = await startEmulatorFixture();
    try {
      await fresh.api("GET", "/users");
      await fresh.api("GET", "/users");
      await fresh.api("GET", "/users/does-not-exist");
      const stats = await send("GET", `${fresh.url}/_emulator/stats`);
      expect(stats.body.tokensIssued).toBe(1);
      expect(stats.body.requests).toEqual(
        expect.arrayContaining([
          { method: "GET", route: "/v1/environments/:envId/users", status: 200, count: 2 },
          { method: "GET", route: "/v1/environments/:envId/users/:userId", status: 404, count: 1 },
          { method: "POST", route: "/:envId/as/token", status: 200, count: 1 },
        ]),
      );
    } finally {
      await fresh.stop();
    }
  });

  it("resets every environment, fault and counter", async () => {
    const fresh = await startEmulatorFixture();
    try {
      await send("POST", `${fresh.url}/_emulator/faults`, {
        body: { rules: [{ path: "/nowhere", status: 500 }] },
      });
      expect((await send("POST", `${fresh.url}/_emulator/reset`)).status).toBe(204);
      const afterReset = await fresh.api("GET", "/users");
      expect(afterReset.status).toBe(401);
      expect((await send("GET", `${fresh.url}/_emulator/faults`)).body.rules).toEqual([]);
      const stats = await send("GET", `${fresh.url}/_emulator/stats`);
      expect(stats.body.tokensIssued).toBe(0);
      const count = fresh.emulator.db.prepare("SELECT COUNT(*) FROM environments").pluck().get();
      expect(count).toBe(0);
    } finally {
      await fresh.stop();
    }
  });
});

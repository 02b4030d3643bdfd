import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createPingOneClient,
  createTokenStore,
  PingOneApiError,
  PingOneTransportError,
} from "../../src/index.js";
import { answer, type FakePingOne, startFakePingOne } from "../support/fake-pingone.js";

describe("retries", () => {
  let fake: FakePingOne;
  let usersPath: string;
  beforeEach(async () => {
    fake = await startFakePingOne();
    usersPath = `/v1/environments/${fake.environmentId}/users`;
  });
  afterEach(() => fake.close());

  const connect = (retry = {}) =>
    createPingOneClient(
      {
        envId: fake.environmentId,
        clientId: fake.clientId,
        clientSecret: fake.clientSecret,
        apiUrl: fake.url,
      },
      { tokenStore: createTokenStore(), retry: { baseDelayMs: 5, ...retry } },
    );
  const apiCalls = () => fake.apiRequests.filter((r) => r.path.startsWith(usersPath));

  it("honours Retry-After on a 429 before retrying", async () => {
    fake.handlers.push(
      answer(
        "GET",
        usersPath,
        { status: 429, headers: { "retry-after": "1" }, body: { code: "REQUEST_LIMITED" } },
        1,
      ),
      answer("GET", usersPath, { status: 200, body: { _embedded: { users: [] } } }),
    );
    const response = await connect().request({ method: "GET", path: usersPath.slice(3) });
    expect(response.status).toBe(200);
    expect(response.attempts).toBe(2);
    const [first, second] = apiCalls();
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
  });

  it("retries a 503 on a GET, reports each retry, and then succeeds", async () => {
    fake.handlers.push(
      answer("GET", usersPath, { status: 503 }, 2),
      answer("GET", usersPath, { status: 200, body: { ok: true } }),
    );
    const retries: unknown[] = [];
    const tokenRequests: unknown[] = [];
    const client = createPingOneClient(
      {
        envId: fake.environmentId,
        clientId: fake.clientId,
        clientSecret: fake.clientSecret,
        apiUrl: fake.url,
      },
      {
        tokenStore: createTokenStore(),
        retry: { baseDelayMs: 5 },
        events: { retry: (info) => retries.push(info), tokenRequest: (info) => tokenRequests.push(info) },
      },
    );
    const response = await client.request({ method: "GET", path: usersPath.slice(3) });
    expect(response.body).toEqual({ ok: true });
    expect(apiCalls()).toHaveLength(3);
    expect(retries).toEqual([
      expect.objectContaining({ method: "GET", path: usersPath, status: 503, attempt: 1 }),
      expect.objectContaining({ method: "GET", path: usersPath, status: 503, attempt: 2 }),
    ]);
    expect(tokenRequests).toEqual([
      { tokenUrl: `${fake.url}/${fake.environmentId}/as/token`, clientId: fake.clientId },
    ]);
  });

  it("gives up after maxAttempts and reports the last PingOne error with its correlation id", async () => {
    fake.handlers.push(
      answer("GET", usersPath, {
        status: 500,
        body: { id: "e1", code: "UNEXPECTED_ERROR", message: "boom" },
      }),
    );
    const error = (await connect({ maxAttempts: 3 })
      .request({ method: "GET", path: usersPath.slice(3) })
      .catch((e: unknown) => e)) as PingOneApiError;
    expect(error).toBeInstanceOf(PingOneApiError);
    expect(error.code).toBe("UNEXPECTED_ERROR");
    expect(error.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(error.outcomeUnknown).toBe(false);
    expect(apiCalls()).toHaveLength(3);
  });

  it("never sends a POST twice after a 500, and says the outcome is unknown", async () => {
    fake.handlers.push(
      answer("POST", usersPath, { status: 500, body: { code: "UNEXPECTED_ERROR", message: "boom" } }),
    );
    const error = (await connect()
      .request({ method: "POST", path: usersPath.slice(3), body: { username: "a" } })
      .catch((e: unknown) => e)) as PingOneApiError;
    expect(error.status).toBe(500);
    expect(error.outcomeUnknown).toBe(true);
    expect(error.message).toMatch(/outcome is unknown/);
    expect(error.message).toContain(error.correlationId!);
    expect(apiCalls()).toHaveLength(1);
  });

  it("never replays a POST after the connection dropped mid-request", async () => {
    fake.handlers.push(answer("POST", usersPath, { status: 0, reset: true }));
    const error = (await connect()
      .request({ method: "POST", path: usersPath.slice(3), body: { username: "a" } })
      .catch((e: unknown) => e)) as PingOneTransportError;
    expect(error).toBeInstanceOf(PingOneTransportError);
    expect(error.code).toBe("NETWORK_ERROR");
    expect(error.outcomeUnknown).toBe(true);
    expect(error.transactionId).toBe(apiCalls()[0]!.headers["x-ping-external-transaction-id"]);
    expect(error.message).toContain(`X-Ping-External-Transaction-Id ${error.transactionId}`);
    expect(apiCalls()).toHaveLength(1);
  });

  it("retries a POST on 429, because PingOne did not process it", async () => {
    fake.handlers.push(
      answer("POST", usersPath, { status: 429, headers: { "retry-after": "0" } }, 1),
      answer("POST", usersPath, { status: 201, body: { id: "u1" } }),
    );
    const response = await connect().request({ method: "POST", path: usersPath.slice(3), body: {} });
    expect(response.status).toBe(201);
    expect(apiCalls()).toHaveLength(2);
  });

  it("does not spend attempts on 429s, which only the time budget limits; maxAttempts 1 turns retries off", async () => {
    fake.handlers.push(
      answer("GET", usersPath, { status: 429, headers: { "retry-after": "0" } }, 5),
      answer("GET", usersPath, { status: 200, body: {} }),
    );
    const response = await connect({ maxAttempts: 2 }).request({ method: "GET", path: usersPath.slice(3) });
    expect(response.attempts).toBe(6);
    fake.handlers.unshift(answer("GET", usersPath, { status: 429, headers: { "retry-after": "0" } }, 1));
    const off = await connect({ maxAttempts: 1 }).send({ method: "GET", path: usersPath.slice(3) });
    expect(off.status).toBe(429);
    expect(apiCalls()).toHaveLength(7);
  });

  it("retries a POST on 500 only when the operation is marked idempotent", async () => {
    fake.handlers.push(
      answer("POST", usersPath, { status: 500 }, 1),
      answer("POST", usersPath, { status: 200, body: {} }),
    );
    const response = await connect().request({
      method: "POST",
      path: usersPath.slice(3),
      body: {},
      idempotent: true,
    });
    expect(response.status).toBe(200);
    expect(apiCalls()).toHaveLength(2);
  });

  it("stops when Retry-After exceeds the cap and reports retryAfterSeconds", async () => {
    fake.handlers.push(
      answer("GET", usersPath, {
        status: 429,
        headers: { "retry-after": "120" },
        body: { code: "REQUEST_LIMITED" },
      }),
    );
    const error = (await connect()
      .request({ method: "GET", path: usersPath.slice(3) })
      .catch((e: unknown) => e)) as PingOneApiError;
    expect(error.code).toBe("RATE_LIMITED");
    expect(error.retryAfterSeconds).toBe(120);
    expect(apiCalls()).toHaveLength(1);
  });

  it("retries network errors on GET and honours a caller's AbortSignal during the wait", async () => {
    fake.handlers.push(
      answer("GET", usersPath, { status: 0, reset: true }, 1),
      answer("GET", usersPath, { status: 200, body: {} }),
    );
    expect((await connect().request({ method: "GET", path: usersPath.slice(3) })).status).toBe(200);

    fake.handlers.unshift(answer("GET", usersPath, { status: 503, headers: { "retry-after": "10" } }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await connect()
      .request({ method: "GET", path: usersPath.slice(3), signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "ABORTED" });
  });

  it("times out a slow response with a TIMEOUT error", async () => {
    // undici checks its headers and body timeouts on a timer that ticks about every 500 ms, so a
    // 200 ms timeout fires within about a second: the answer must come well after that.
    fake.handlers.push(answer("GET", usersPath, { status: 200, body: {}, delayMs: 3000 }));
    const slow = createPingOneClient(
      {
        envId: fake.environmentId,
        clientId: fake.clientId,
        clientSecret: fake.clientSecret,
        apiUrl: fake.url,
      },
      { tokenStore: createTokenStore(), timeoutMs: 200, retry: { maxAttempts: 1 } },
    );
    const error = await slow.request({ method: "GET", path: usersPath.slice(3) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PingOneTransportError);
    expect(error).toMatchObject({ code: "TIMEOUT" });
    expect((error as Error).message).toMatch(/no response within 200 ms/);
  });

  it("sends User-Agent, Accept and one X-Ping-External-Transaction-Id per logical operation", async () => {
    fake.handlers.push(
      answer("GET", usersPath, { status: 503 }, 1),
      answer("GET", usersPath, { status: 200, body: {} }),
    );
    await connect().request({ method: "GET", path: usersPath.slice(3), transactionId: "flow run#42" });
    const calls = apiCalls();
    expect(calls.map((c) => c.headers["x-ping-external-transaction-id"])).toEqual([
      "flow_run#42",
      "flow_run#42",
    ]);
    expect(calls[0]!.headers["user-agent"]).toMatch(/^pingone-connector\/\d+\.\d+\.\d+/);
    expect(calls[0]!.headers.accept).toBe("application/json");
  });
});

import { getEventListeners } from "node:events";
import { gzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createConnector,
  createPingOneClient,
  createTokenStore,
  PingOneApiError,
  SecretRegistry,
} from "../../src/index.js";
import { answer, type FakePingOne, startFakePingOne } from "../support/fake-pingone.js";

describe("HTTP exchange", () => {
  let fake: FakePingOne;
  let usersPath: string;
  beforeEach(async () => {
    fake = await startFakePingOne();
    usersPath = `/v1/environments/${fake.environmentId}/users`;
  });
  afterEach(() => fake.close());

  const connect = (options: Parameters<typeof createPingOneClient>[1] = {}) =>
    createPingOneClient(
      {
        envId: fake.environmentId,
        clientId: fake.clientId,
        clientSecret: fake.clientSecret,
        apiUrl: fake.url,
      },
      { tokenStore: createTokenStore(), retry: { baseDelayMs: 5 }, ...options },
    );

  it("asks for compressed bodies and decodes a gzip answer", async () => {
    const users = { _embedded: { users: [{ id: "u1", username: "ada" }] } };
    fake.handlers.push(
      answer("GET", usersPath, {
        status: 200,
        raw: gzipSync(JSON.stringify(users)),
        headers: { "content-type": "application/json", "content-encoding": "gzip" },
      }),
    );
    const response = await connect().request({ method: "GET", path: usersPath.slice(3) });
    expect(response.body).toEqual(users);
    expect(fake.apiRequests[0]!.headers["accept-encoding"]).toBe("gzip, deflate, br");
  });

  it("reads at most 64 KiB of an error body, and still reports the error", async () => {
    const page = `<html>${"x".repeat(5 * 1024 * 1024)}</html>`;
    fake.handlers.push(
      answer("GET", usersPath, {
        status: 400,
        raw: Buffer.from(page),
        headers: { "content-type": "text/html" },
      }),
    );
    const error = (await connect()
      .request({ method: "GET", path: usersPath.slice(3) })
      .catch((e: unknown) => e)) as PingOneApiError;
    expect(error).toBeInstanceOf(PingOneApiError);
    expect(error.status).toBe(400);
    expect(typeof error.body).toBe("string");
    expect((error.body as string).length).toBe(64 * 1024);
    expect(page.startsWith(error.body as string)).toBe(true);
  });

  it("reads Retry-After dates against the injected clock", async () => {
    const now = Date.parse("2031-03-04T05:06:07Z");
    fake.handlers.push(
      answer(
        "GET",
        usersPath,
        { status: 503, headers: { "retry-after": new Date(now + 1000).toUTCString() } },
        1,
      ),
      answer("GET", usersPath, { status: 200, body: {} }),
    );
    // Against the real clock that date is years away, beyond the cap, and nothing would be retried.
    const response = await connect({ clock: () => now }).request({ method: "GET", path: usersPath.slice(3) });
    expect(response.attempts).toBe(2);
    const [first, second] = fake.apiRequests;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
  });

  it("ends an exchange in flight as soon as the caller aborts", async () => {
    fake.handlers.push(answer("GET", usersPath, { status: 200, body: {}, delayMs: 3000 }));
    const client = connect();
    await client.tokens.getToken();
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 100);
    const error = await client
      .request({ method: "GET", path: usersPath.slice(3), signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "ABORTED", outcomeUnknown: false, attempts: 1 });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("serves many calls with one signal: listeners do not pile up, and its abort ends every call in flight", async () => {
    fake.handlers.push(answer("GET", usersPath, { status: 200, body: {} }));
    const client = connect();
    const controller = new AbortController();
    const { signal } = controller;
    for (let i = 0; i < 50; i++) {
      expect((await client.request({ method: "GET", path: usersPath.slice(3), signal })).status).toBe(200);
    }
    // At most one listener for the signal's lifetime, never one per exchange left behind.
    expect(getEventListeners(signal, "abort").length).toBeLessThanOrEqual(1);

    fake.handlers.unshift(answer("GET", usersPath, { status: 200, body: {}, delayMs: 3000 }));
    const started = Date.now();
    const inFlight = Array.from({ length: 20 }, () =>
      client.request({ method: "GET", path: usersPath.slice(3), signal }).catch((e: unknown) => e),
    );
    setTimeout(() => controller.abort(), 100);
    for (const outcome of await Promise.all(inFlight)) expect(outcome).toMatchObject({ code: "ABORTED" });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("keeps a shared token request going when the caller that started it gives up", async () => {
    fake.tokenDelayMs = 200;
    fake.handlers.push(answer("GET", usersPath, { status: 200, body: {} }));
    const client = connect();
    const controller = new AbortController();
    const first = client
      .request({ method: "GET", path: usersPath.slice(3), signal: controller.signal })
      .catch((e: unknown) => e);
    const second = client.request({ method: "GET", path: usersPath.slice(3) });
    setTimeout(() => controller.abort(), 50);
    expect(await first).toMatchObject({ code: "ABORTED", message: expect.stringMatching(/aborted/) });
    expect((await second).status).toBe(200);
    expect(fake.tokenRequests).toHaveLength(1);
  });

  it("registers the client secret and tokens in the injected registry, which stays bounded", async () => {
    fake.handlers.push((request) =>
      request.path.startsWith(usersPath)
        ? { status: 400, body: { code: "INVALID_DATA", message: `echo ${request.headers.authorization}` } }
        : undefined,
    );
    const secrets = new SecretRegistry(2);
    const error = (await connect({ secrets })
      .request({ method: "GET", path: usersPath.slice(3) })
      .catch((e: unknown) => e)) as PingOneApiError;
    const token = [...fake.validTokens][0]!;
    expect([...secrets]).toEqual([fake.clientSecret, token]);
    expect(JSON.stringify(error)).not.toContain(token);
    secrets.add("a-third-secret-value");
    expect([...secrets]).toEqual([token, "a-third-secret-value"]);
  });

  it("records in a dry run exactly the headers the client sends", async () => {
    const userId = "2a7c1b9e-8f3d-4e6a-9b1c-0d2e3f4a5b6c";
    fake.handlers.push(answer("GET", `${usersPath}/${userId}`, { status: 200, body: { id: userId } }));
    const connector = createConnector(
      {
        envId: fake.environmentId,
        clientId: fake.clientId,
        clientSecret: fake.clientSecret,
        apiUrl: fake.url,
      },
      { client: { tokenStore: createTokenStore() } },
    );
    const input = { matchAttribute: "id", identifier: userId };
    const report = await connector.invoke("readUser", input, { dryRun: true });
    await connector.invoke("readUser", input);
    const sent = fake.apiRequests.at(-1)!;
    const recorded = report.requests[0]!;
    expect(recorded.url).toBe(`${fake.url}${sent.path}`);
    const names = (headers: object) =>
      Object.keys(headers).filter((name) => !["host", "connection", "content-length"].includes(name));
    expect(names(recorded.headers).sort()).toEqual(names(sent.headers).sort());
    for (const name of ["accept", "accept-encoding", "user-agent"]) {
      expect(recorded.headers[name]).toBe(sent.headers[name]);
    }
    await connector.close();
  });
});

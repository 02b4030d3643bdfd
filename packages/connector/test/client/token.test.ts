import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPingOneClient, createTokenStore, PingOneTokenError } from "../../src/index.js";
import { answer, type FakePingOne, startFakePingOne } from "../support/fake-pingone.js";

describe("worker token", () => {
  let fake: FakePingOne;
  beforeEach(async () => {
    fake = await startFakePingOne();
    fake.handlers.push(
      answer("GET", `/v1/environments/${fake.environmentId}`, { status: 200, body: { id: "env" } }),
    );
  });
  afterEach(() => fake.close());

  const connect = (extra: Record<string, unknown> = {}, clock?: () => number) =>
    createPingOneClient(
      {
        environmentId: fake.environmentId,
        clientId: fake.clientId,
        clientSecret: fake.clientSecret,
        apiUrl: fake.url,
        authUrl: fake.url,
        ...extra,
      },
      { tokenStore: createTokenStore(), clock, retry: { baseDelayMs: 5 } },
    );
  const readEnvironment = (client: ReturnType<typeof connect>) =>
    client.request({ method: "GET", path: `/environments/${fake.environmentId}` });

  it("makes exactly one token request for 100 concurrent calls on a cold cache", async () => {
    fake.tokenDelayMs = 50;
    const client = connect();
    const results = await Promise.all(Array.from({ length: 100 }, () => readEnvironment(client)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(fake.tokenRequests).toHaveLength(1);
    expect(fake.apiRequests).toHaveLength(100);
    await client.close();
  });

  it("uses client_secret_basic by default and client_secret_post when configured", async () => {
    await readEnvironment(connect());
    expect(fake.tokenRequests[0]!.headers.authorization).toMatch(/^Basic /);
    expect(new URLSearchParams(fake.tokenRequests[0]!.body).get("client_secret")).toBeNull();
    expect(new URLSearchParams(fake.tokenRequests[0]!.body).get("scope")).toBeNull();

    await readEnvironment(connect({ tokenAuthMethod: "client_secret_post" }));
    const post = fake.tokenRequests[1]!;
    expect(post.headers.authorization).toBeUndefined();
    expect(new URLSearchParams(post.body).get("client_id")).toBe(fake.clientId);
    expect(new URLSearchParams(post.body).get("grant_type")).toBe("client_credentials");
  });

  it("reuses the token until 60 s before expiry, then renews it once", async () => {
    let now = 1_000_000;
    const client = connect({}, () => now);
    await readEnvironment(client);
    now += (3600 - 61) * 1000;
    await readEnvironment(client);
    expect(fake.tokenRequests).toHaveLength(1);
    now += 2000; // now inside the 60 s margin
    await Promise.all([readEnvironment(client), readEnvironment(client), readEnvironment(client)]);
    expect(fake.tokenRequests).toHaveLength(2);
    const tokens = new Set(fake.apiRequests.map((r) => r.headers.authorization));
    expect(tokens.size).toBe(2);
  });

  it("renews the token once and retries once when the API answers 401", async () => {
    const client = connect();
    await readEnvironment(client);
    fake.validTokens.clear(); // PingOne no longer accepts the cached token
    const response = await readEnvironment(client);
    expect(response.status).toBe(200);
    expect(fake.tokenRequests).toHaveLength(2);
    expect(fake.apiRequests).toHaveLength(3);
  });

  it("does not loop when the API keeps answering 401", async () => {
    const client = connect();
    fake.handlers.unshift(
      answer("GET", `/v1/environments/${fake.environmentId}`, {
        status: 401,
        body: { code: "ACCESS_FAILED" },
      }),
    );
    await expect(readEnvironment(client)).rejects.toMatchObject({ code: "ACCESS_FAILED", status: 401 });
    expect(fake.apiRequests).toHaveLength(2);
    expect(fake.tokenRequests).toHaveLength(2);
  });

  it("names the client id and token URL, never the secret, when the credentials are refused", async () => {
    const client = connect({ clientSecret: "wrong-secret-canary-123" });
    const error = await readEnvironment(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PingOneTokenError);
    const tokenError = error as PingOneTokenError;
    expect(tokenError.code).toBe("TOKEN_ERROR");
    expect(tokenError.oauthError).toBe("invalid_client");
    expect(tokenError.message).toContain(fake.clientId);
    expect(tokenError.message).toContain(`${fake.url}/${fake.environmentId}/as/token`);
    expect(JSON.stringify(tokenError)).not.toContain("wrong-secret-canary-123");
    expect(tokenError.message).not.toContain("wrong-secret-canary-123");
    expect(fake.tokenRequests).toHaveLength(1); // a 401 from the token endpoint is final
  });
});

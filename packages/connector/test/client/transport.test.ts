import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { createProxy } from "proxy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPingOneClient, createTokenStore, PingOneTransportError } from "../../src/index.js";
import { answer, type FakePingOne, startFakePingOne } from "../support/fake-pingone.js";

describe("proxy", () => {
  let fake: FakePingOne;
  let proxy: Server;
  let proxyUrl: string;
  let proxied: string[];
  beforeEach(async () => {
    fake = await startFakePingOne();
    fake.handlers.push(
      answer("GET", `/v1/environments/${fake.environmentId}`, { status: 200, body: { id: "env" } }),
    );
    proxied = [];
    proxy = createProxy(createServer());
    proxy.on("request", (req) => proxied.push(`${req.method} ${req.url}`));
    proxy.on("connect", (req) => proxied.push(`CONNECT ${req.url}`));
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    await fake.close();
    proxy.closeAllConnections();
    await new Promise((resolve) => proxy.close(resolve));
  });

  it("sends token and API calls through the configured proxy (Swimlane http_proxy)", async () => {
    const client = createPingOneClient(
      {
        url: fake.url,
        environmentId: fake.environmentId,
        clientId: fake.clientId,
        clientSecret: fake.clientSecret,
        http_proxy: proxyUrl,
      },
      { tokenStore: createTokenStore() },
    );
    const response = await client.request({ method: "GET", path: `/environments/${fake.environmentId}` });
    expect(response.status).toBe(200);
    expect(proxied.length).toBeGreaterThan(0);
    expect(proxied.join("\n")).toContain(new URL(fake.url).host);
    await client.close();
  });

  it("honours HTTP_PROXY and NO_PROXY from the environment", async () => {
    const saved = { HTTP_PROXY: process.env.HTTP_PROXY, NO_PROXY: process.env.NO_PROXY };
    const settings = {
      apiUrl: fake.url,
      environmentId: fake.environmentId,
      clientId: fake.clientId,
      clientSecret: fake.clientSecret,
    };
    try {
      process.env.HTTP_PROXY = proxyUrl;
      process.env.NO_PROXY = "127.0.0.1";
      const direct = createPingOneClient(settings, { tokenStore: createTokenStore() });
      await direct.request({ method: "GET", path: `/environments/${fake.environmentId}` });
      expect(proxied).toHaveLength(0);
      delete process.env.NO_PROXY;
      const viaProxy = createPingOneClient(settings, { tokenStore: createTokenStore() });
      await viaProxy.request({ method: "GET", path: `/environments/${fake.environmentId}` });
      expect(proxied.length).toBeGreaterThan(0);
      await Promise.all([viaProxy.close(), direct.close()]);
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  it("reports a dead proxy as PROXY_ERROR", async () => {
    const client = createPingOneClient(
      {
        apiUrl: fake.url,
        environmentId: fake.environmentId,
        clientId: fake.clientId,
        clientSecret: fake.clientSecret,
        proxy: "http://127.0.0.1:9",
      },
      { tokenStore: createTokenStore(), retry: { maxAttempts: 1 } },
    );
    const error = await client.tokens.getToken().catch((e: unknown) => e);
    expect(String((error as Error).message)).toMatch(/proxy failure/);
  });
});

describe("TLS verification", () => {
  let fake: FakePingOne;
  beforeEach(async () => {
    fake = await startFakePingOne({ tls: true });
    fake.handlers.push(
      answer("GET", `/v1/environments/${fake.environmentId}`, { status: 200, body: { id: "env" } }),
    );
  });
  afterEach(() => fake.close());

  const settings = () => ({
    url: fake.url,
    environmentId: fake.environmentId,
    clientId: fake.clientId,
    clientSecret: fake.clientSecret,
  });

  it("refuses a self-signed certificate by default", async () => {
    const client = createPingOneClient(settings(), {
      tokenStore: createTokenStore(),
      retry: { maxAttempts: 1 },
    });
    const error = await client
      .request({ method: "GET", path: `/environments/${fake.environmentId}` })
      .catch((e) => e);
    // No answer from the token endpoint: a transport failure, not refused credentials.
    expect(error).toMatchObject({ code: "TLS_ERROR" });
    expect((error as Error).message).toMatch(/TLS certificate verification failed/);
    expect(fake.tokenRequests).toHaveLength(0);
  });

  it("accepts it only with verification explicitly off, and warns once", async () => {
    const lines: string[] = [];
    const capturing = pino({ level: "warn" }, { write: (chunk: string) => lines.push(chunk) });
    const client = createPingOneClient(
      { ...settings(), verify_ssl: false },
      { tokenStore: createTokenStore(), logger: capturing },
    );
    const response = await client.request({ method: "GET", path: `/environments/${fake.environmentId}` });
    expect(response.status).toBe(200);
    await client.request({ method: "GET", path: `/environments/${fake.environmentId}` });
    expect(lines.filter((line) => /TLS certificate verification is OFF/.test(line))).toHaveLength(1);
  });

  it("classifies a refused TLS handshake as TLS_ERROR on API calls", async () => {
    const plain = await startFakePingOne();
    try {
      // Token from a plain HTTP auth host, API on the self-signed HTTPS host.
      const client = createPingOneClient(
        {
          environmentId: plain.environmentId,
          clientId: plain.clientId,
          clientSecret: plain.clientSecret,
          apiUrl: fake.url,
          authUrl: plain.url,
        },
        { tokenStore: createTokenStore(), retry: { maxAttempts: 1 } },
      );
      const error = await client.send({ method: "GET", path: "/environments" }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PingOneTransportError);
      expect(error).toMatchObject({ code: "TLS_ERROR" });
    } finally {
      await plain.close();
    }
  });
});

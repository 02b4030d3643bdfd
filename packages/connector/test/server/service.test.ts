import { connect } from "node:net";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningService, startService } from "../../src/server/service.js";
import {
  createTestUser,
  type EmulatorEnvironment,
  startEmulatorEnvironment,
  tokensIssued,
} from "../support/emulator-environment.js";
import { RawHttpConnection } from "../support/raw-http.js";

const API_KEY = "test-key-4f1c2a9b7d";

describe("HTTP service", () => {
  let env: EmulatorEnvironment;
  let service: RunningService;
  let user: { id: string; username: string };
  const logLines: string[] = [];

  beforeAll(async () => {
    env = await startEmulatorEnvironment();
    user = await createTestUser(env.client);
    service = await startService({
      connection: env.connection,
      logger: pino({ level: "info" }, { write: (line: string) => logLines.push(line) }),
      port: 0,
      apiKey: API_KEY,
      client: { retry: { baseDelayMs: 10 } },
    });
  });
  afterAll(async () => {
    await service?.shutdown();
    await env?.stop();
  });

  const call = (path: string, init: RequestInit & { key?: string | null } = {}) => {
    const headers = new Headers(init.headers);
    if (init.key !== null) headers.set("authorization", `Bearer ${init.key ?? API_KEY}`);
    if (init.body !== undefined) headers.set("content-type", "application/json");
    return fetch(`${service.url}${path}`, { ...init, headers });
  };

  it("answers /healthz without a key", async () => {
    const response = await call("/healthz", { key: null });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok" });
  });

  it("refuses every other route without the right key (the reference pages are open on loopback)", async () => {
    for (const path of ["/capabilities", "/metrics"]) {
      expect((await call(path, { key: null })).status).toBe(401);
      expect((await call(path, { key: "wrong-key" })).status).toBe(401);
    }
    const refused = await call("/capabilities/readUser", { method: "POST", body: "{}", key: "nope" });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { code: "unauthorized" } });
  });

  it("runs a capability and returns the DaVinci success shape", async () => {
    const response = await call("/capabilities/readUser", {
      method: "POST",
      body: JSON.stringify({ properties: { matchAttribute: "id", identifier: user.id } }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      eventName: string;
      output: { user: { id: string }; statusCode: number };
    };
    expect(body.eventName).toBe("continue");
    expect(body.output.user.id).toBe(user.id);
    expect(body.output.statusCode).toBe(200);
  });

  it("routes a call by its exact method and path, percent-encoding and query included", async () => {
    const body = JSON.stringify({ matchAttribute: "id", identifier: user.id });
    const encoded = await call("/capabilities/read%55ser?unused=1", { method: "POST", body });
    expect(encoded.status).toBe(200);
    expect(await encoded.json()).toMatchObject({ output: { user: { id: user.id } } });
    for (const path of [
      "/capabilities/readUser/",
      "/capabilities//readUser",
      "/capabilities/readUser/more",
    ]) {
      const response = await call(path, { method: "POST", body });
      expect(response.status, path).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: "notFound" } });
    }
    // The request line in absolute form, as a proxy would send it.
    const connection = await RawHttpConnection.open(Number(new URL(service.url).port));
    await connection.write(
      `POST ${service.url}/capabilities/readUser HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${API_KEY}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
    const absolute = await connection.readResponse();
    connection.close();
    expect(absolute.status).toBe(200);
    expect(JSON.parse(absolute.body)).toMatchObject({ output: { user: { id: user.id } } });
    const get = await call("/capabilities/readUser");
    expect(get.status).toBe(404);
    expect(await get.json()).toMatchObject({
      error: { code: "notFound", message: /GET \/capabilities\/readUser/ },
    });
    const refused = await call("/actions/get_users", { method: "POST", body: "{}", key: null });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toBe('Bearer realm="pingone-connector"');
    const before = logLines.length;
    const dryRun = await call("/capabilities/readUser?dryRun=true", { method: "POST", body });
    expect(dryRun.status).toBe(200);
    expect(await dryRun.json()).toMatchObject({
      dryRun: true,
      capability: "readUser",
      requests: [{ method: "GET" }],
    });
    const logged = logLines.slice(before).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toContainEqual(
      expect.objectContaining({
        msg: "request",
        method: "POST",
        path: "/capabilities/readUser",
        status: 200,
      }),
    );
  });

  it("returns a failing capability's error with PingOne's status", async () => {
    const response = await call("/capabilities/readUser", {
      method: "POST",
      body: JSON.stringify({ matchAttribute: "id", identifier: "00000000-0000-4000-8000-000000000000" }),
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    const body = (await response.json()) as { error: { code: string; httpResponseCode: number } };
    expect(body.error.code).toMatch(/noUserMatch|notFound/);
    expect(response.status).toBe(body.error.httpResponseCode);
  });

  it("returns the properties a capability ignored in warnings: in the result, the failure and a dry run", async () => {
    const ignored = [
      { path: "/properties/userViews", keyword: "ignoredProperty", message: "ignored property: userViews" },
    ];
    const post = (path: string, identifier: string) =>
      call(path, {
        method: "POST",
        body: JSON.stringify({ properties: { identifier, userViews: [] } }),
      }).then(async (response) => ({
        status: response.status,
        body: (await response.json()) as Record<string, unknown>,
      }));
    const ok = await post("/capabilities/readUser", user.id);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ eventName: "continue", warnings: ignored });
    const failed = await post("/capabilities/readUser", "00000000-0000-4000-8000-000000000000");
    expect(failed.body).toMatchObject({ error: { code: "noUserMatch" }, warnings: ignored });
    const dry = await post("/capabilities/readUser?dryRun=true", user.id);
    expect(dry.body).toMatchObject({ dryRun: true, warnings: ignored });
    const clean = await call("/capabilities/readUser", {
      method: "POST",
      body: JSON.stringify({ identifier: user.id }),
    });
    expect(await clean.json()).not.toHaveProperty("warnings");
    const openApi = (await (await call("/openapi.json")).json()) as {
      components: { schemas: Record<string, unknown> };
      paths: Record<string, { post: { responses: Record<string, unknown> } }>;
    };
    expect(openApi.components.schemas.Warnings).toMatchObject({ type: "array" });
    expect(JSON.stringify(openApi.paths["/capabilities/readUser"]?.post.responses["200"])).toContain(
      "#/components/schemas/Warnings",
    );
  });

  it("lists every validation problem with a JSON pointer, before calling PingOne", async () => {
    const before = await tokensIssued(env.url);
    const response = await call("/capabilities/readUser", {
      method: "POST",
      body: JSON.stringify({ matchAttribute: 7 }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; problems: { path: string }[] } };
    expect(body.error.code).toBe("invalidInput");
    expect(body.error.problems.length).toBeGreaterThanOrEqual(2);
    expect(body.error.problems.every((p) => p.path.startsWith("/"))).toBe(true);
    expect(await tokensIssued(env.url)).toBe(before);
  });

  it("gives 400 for malformed JSON and 404 for an unknown capability or action", async () => {
    const malformed = await call("/capabilities/readUser", {
      method: "POST",
      body: '{"password": "Secr3t!", ',
    });
    expect(malformed.status).toBe(400);
    const text = await malformed.text();
    expect(JSON.parse(text)).toMatchObject({ error: { code: "invalidJson" } });
    expect(text).not.toContain("Secr3t!");
    expect((await call("/capabilities/noSuchThing", { method: "POST", body: "{}" })).status).toBe(404);
    expect((await call("/actions/no_such_action", { method: "POST", body: "{}" })).status).toBe(404);
    expect((await call("/nowhere")).status).toBe(404);
  });

  it("gives 400 for a body nested deeper than 64 levels, on capabilities and actions", async () => {
    const deep = `${"[".repeat(2000)}${"]".repeat(2000)}`;
    for (const path of ["/capabilities/readUser", "/actions/get_users"]) {
      const response = await call(path, { method: "POST", body: `{"identifier": ${deep}}` });
      expect(response.status, path).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: "invalidJson", message: /64 levels/ } });
    }
    const shallow = await call("/capabilities/readUser", {
      method: "POST",
      body: JSON.stringify({ matchAttribute: "id", identifier: user.id, extra: [[[[[[[[1]]]]]]]] }),
    });
    expect(shallow.status).toBe(200);
  });

  it("answers an oversized body with 413 and Connection: close, then closes the socket", async () => {
    const { port } = new URL(service.url);
    const socket = connect(Number(port), "127.0.0.1");
    const received: Buffer[] = [];
    socket.on("data", (chunk: Buffer) => received.push(chunk));
    const closed = new Promise<void>((resolve) => socket.on("close", () => resolve()));
    socket.write(
      `POST /capabilities/readUser HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${API_KEY}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${2 * 1024 * 1024}\r\nConnection: keep-alive\r\n\r\n{"a":"`,
    );
    await closed;
    const response = Buffer.concat(received).toString();
    expect(response).toMatch(/^HTTP\/1\.1 413/);
    expect(response.toLowerCase()).toContain("connection: close");
    expect(response).toContain("payloadTooLarge");
  });

  it("runs a Swimlane action and returns PingOne's 404 inside the envelope", async () => {
    const found = await call("/actions/get_user_by_id", {
      method: "POST",
      body: JSON.stringify({ path_parameters: { userID: user.id } }),
    });
    expect(found.status).toBe(200);
    expect(await found.json()).toMatchObject({ status_code: 200, reason: "OK", json_body: { id: user.id } });
    const missing = await call("/actions/get_user_by_id", {
      method: "POST",
      body: JSON.stringify({ path_parameters: { userID: "00000000-0000-4000-8000-000000000000" } }),
    });
    expect(missing.status).toBe(200);
    expect(await missing.json()).toMatchObject({ status_code: 404, json_body: { code: "NOT_FOUND" } });
    const wrapped = await call("/actions/get_user_by_id?envelope=array", {
      method: "POST",
      body: JSON.stringify({ path_parameters: { userID: user.id } }),
    });
    expect(await wrapped.json()).toEqual([expect.objectContaining({ status_code: 200 })]);
    const badStyle = await call("/actions/get_user_by_id?envelope=list", { method: "POST", body: "{}" });
    expect(badStyle.status).toBe(400);
    const invalid = await call("/actions/get_user_by_id", {
      method: "POST",
      body: JSON.stringify({ path_parameters: {} }),
    });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ error: { code: "invalidInput" } });
  });

  it("lists every capability and action with schemas, and serves OpenAPI and a docs page", async () => {
    const listing = (await (await call("/capabilities")).json()) as {
      capabilities: { id: string; inputSchema: { type: string } }[];
      actions: { name: string }[];
    };
    expect(listing.capabilities.map((c) => c.id)).toContain("readUser");
    expect(listing.capabilities.every((c) => c.inputSchema.type === "object")).toBe(true);
    expect(listing.actions).toHaveLength(10);
    const openApi = (await (await call("/openapi.json")).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(openApi.openapi).toBe("3.1.0");
    expect(Object.keys(openApi.paths)).toEqual(
      expect.arrayContaining(["/capabilities/readUser", "/actions/get_users", "/healthz"]),
    );
    // Kerberos sign-on is documented, and off unless serve --kerberos-sign-on turns it on: behind the key, no route.
    expect(openApi.paths).toHaveProperty("/sign-on/kerberos");
    expect((await call("/sign-on/kerberos", { key: null })).status).toBe(401);
    expect((await call("/sign-on/kerberos")).status).toBe(404);
    const docs = await call("/docs");
    expect(docs.headers.get("content-type")).toMatch(/text\/html/);
    const html = await docs.text();
    expect(html).toContain("/capabilities/readUser");
    expect(html).toContain("get_user_by_id");
  });

  it("absorbs a 429 with Retry-After on a read, and shows the retry in /metrics", async () => {
    await backDoor(env.url, "/_emulator/faults", {
      rules: [{ method: "GET", path: "/v1/environments/*/users/*", status: 429, retryAfter: 1, count: 1 }],
    });
    const response = await call("/capabilities/readUser", {
      method: "POST",
      body: JSON.stringify({ matchAttribute: "id", identifier: user.id }),
    });
    expect(response.status).toBe(200);
    const metrics = await (await call("/metrics")).text();
    expect(metrics).toMatch(/pingone_connector_pingone_retries_total\{method="GET",status="429"\} 1/);
    expect(metrics).toMatch(
      /pingone_connector_calls_total\{kind="capability",name="readUser",outcome="success"\} \d+/,
    );
    expect(metrics).toMatch(
      /pingone_connector_call_duration_seconds_bucket\{le="[\d.]+",kind="capability",name="readUser"\}/,
    );
    expect(metrics).toMatch(/pingone_connector_token_requests_total \d+/);
  });

  it("writes access logs without keys, tokens or bodies", () => {
    const text = logLines.join("");
    expect(text).toContain('"path":"/capabilities/readUser"');
    expect(text).not.toContain(API_KEY);
    expect(text).not.toContain(env.environment.clientSecret);
    expect(text).not.toContain("Secr3t!");
  });
});

describe("service start-up", () => {
  it("refuses to start without an API key, unless --insecure-no-auth on loopback", async () => {
    const logger = pino({ level: "silent" });
    const connection = {
      environmentId: "0b6e4e7c-7e5c-4a4a-9d0e-2f3c4b5a6d7e",
      clientId: "c",
      clientSecret: "s",
      apiUrl: "http://127.0.0.1:9",
    };
    await expect(startService({ connection, logger, port: 0 })).rejects.toThrow(/PINGONE_CONNECTOR_API_KEY/);
    for (const apiKey of ["   ", "short-key-15chr", `  ${"x".repeat(14)}  `]) {
      const refused = startService({ connection, logger, port: 0, apiKey });
      await expect(refused).rejects.toThrow(/at least 16 characters.*randomBytes/);
      await expect(refused).rejects.not.toThrow(apiKey.trim() || "never");
    }
    const longEnough = await startService({ connection, logger, port: 0, apiKey: "exactly-16-chars" });
    await longEnough.shutdown();
    await expect(
      startService({ connection, logger, port: 0, insecureNoAuth: true, host: "0.0.0.0" }),
    ).rejects.toThrow(/loopback/);
    const open = await startService({ connection, logger, port: 0, insecureNoAuth: true });
    expect((await fetch(`${open.url}/capabilities`)).status).toBe(200);
    await open.shutdown();
  });
});

async function backDoor(emulatorUrl: string, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${emulatorUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
}

import { createServer } from "node:net";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConnectionSettings } from "../../src/config/connection.js";
import { type RunningService, startService } from "../../src/server/service.js";
import {
  createTestUser,
  type EmulatorEnvironment,
  startEmulatorEnvironment,
} from "../support/emulator-environment.js";

const API_KEY = "upstream-failures-key-5d2e";
const WRONG_SECRET = "not-the-worker-secret-canary-77";

/** A 127.0.0.1 port nothing listens on: taken from the system, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const post = (service: RunningService, path: string, body: unknown) =>
  fetch(`${service.url}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${API_KEY}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

/**
 * What a caller of the service sees when the service's own side of PingOne fails
 * (docs/connector-service.md#http-statuses): one rule and one spelling for capabilities and
 * actions, never the caller's 401, and no HTTP status invented for a failure without an answer.
 */
describe("service: the worker's credentials or PingOne's reachability fail", () => {
  let env: EmulatorEnvironment;
  let userId: string;
  const services: RunningService[] = [];
  const start = async (connection: ConnectionSettings) => {
    const service = await startService({
      connection,
      logger: pino({ level: "silent" }),
      port: 0,
      apiKey: API_KEY,
      client: { retry: { maxAttempts: 1 } },
    });
    services.push(service);
    return service;
  };
  beforeAll(async () => {
    env = await startEmulatorEnvironment();
    userId = (await createTestUser(env.client)).id;
  });
  afterAll(async () => {
    await Promise.all(services.map((service) => service.shutdown()));
    await env?.stop();
  });

  it("answers a wrong client secret with 502 accessFailed for a capability and an action, and /healthz 503", async () => {
    const service = await start({ ...env.connection, clientSecret: WRONG_SECRET });
    const capability = await post(service, "/capabilities/readUser", {
      matchAttribute: "id",
      identifier: userId,
    });
    expect(capability.status).toBe(502);
    expect(capability.headers.get("www-authenticate")).toBeNull();
    const capabilityBody = await capability.text();
    expect(JSON.parse(capabilityBody)).toMatchObject({
      error: { code: "accessFailed", httpResponseCode: 401 },
    });

    const action = await post(service, "/actions/get_user_by_id", { path_parameters: { userID: userId } });
    expect(action.status).toBe(502);
    const actionBody = await action.text();
    expect(JSON.parse(actionBody)).toMatchObject({ error: { code: "accessFailed", httpResponseCode: 401 } });

    const health = await fetch(`${service.url}/healthz`);
    expect(health.status).toBe(503);
    const healthBody = await health.text();
    expect(JSON.parse(healthBody)).toMatchObject({
      status: "unavailable",
      connection: {
        code: "accessFailed",
        httpResponseCode: 401,
        message: expect.stringContaining(env.environment.clientId),
      },
    });
    for (const text of [capabilityBody, actionBody, healthBody]) expect(text).not.toContain(WRONG_SECRET);

    // The caller's own wrong key is still the one 401, with its challenge.
    const wrongKey = await fetch(`${service.url}/capabilities/readUser`, {
      method: "POST",
      headers: { authorization: "Bearer some-other-key-123456" },
      body: "{}",
    });
    expect(wrongKey.status).toBe(401);
    expect(wrongKey.headers.get("www-authenticate")).toContain("Bearer");
  });

  it("answers an unreachable PingOne with 502 connectionFailed and no httpResponseCode, and /healthz 503", async () => {
    const port = await closedPort();
    const service = await start({
      ...env.connection,
      apiUrl: `http://127.0.0.1:${port}`,
      authUrl: `http://127.0.0.1:${port}`,
    });
    const capability = await post(service, "/capabilities/readUser", {
      matchAttribute: "id",
      identifier: userId,
    });
    expect(capability.status).toBe(502);
    const { error } = (await capability.json()) as { error: Record<string, unknown> };
    expect(error).toMatchObject({
      code: "connectionFailed",
      message: expect.stringContaining("ECONNREFUSED"),
    });
    expect(error).not.toHaveProperty("httpResponseCode");
    expect(error.output).not.toHaveProperty("statusCode");

    const action = await post(service, "/actions/get_users", {});
    expect(action.status).toBe(502);
    const actionError = ((await action.json()) as { error: Record<string, unknown> }).error;
    expect(actionError).toMatchObject({ code: "connectionFailed" });
    expect(actionError).not.toHaveProperty("httpResponseCode");

    const health = await fetch(`${service.url}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({
      status: "unavailable",
      connection: { code: "connectionFailed" },
    });
  });

  it("says ok on /healthz once the worker gets a token", async () => {
    const service = await start(env.connection);
    const health = await fetch(`${service.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok" });
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Connector, createConnector } from "../../src/connector.js";
import { invokeError } from "../support/capability-harness.js";
import {
  createTestUser,
  type EmulatorEnvironment,
  startEmulatorEnvironment,
} from "../support/emulator-environment.js";

let env: EmulatorEnvironment;
let connector: Connector;

async function injectFault(rule: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${env.url}/_emulator/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ rules: [rule] }),
  });
  expect(response.status).toBe(201);
}

beforeAll(async () => {
  env = await startEmulatorEnvironment();
  // No retries, so that each injected fault is the answer the capability sees.
  connector = createConnector(env.connection, { client: { retry: { maxAttempts: 1 } } });
});

afterEach(async () => {
  await fetch(`${env.url}/_emulator/faults`, { method: "DELETE" });
});

afterAll(async () => {
  await connector?.close();
  await env?.stop();
});

describe("error keys (docs/connector-capabilities.md#error-keys)", () => {
  it("maps a PingOne 5xx to unexpectedError with the response in details", async () => {
    const user = await createTestUser(env.client);
    await injectFault({ method: "GET", path: "/v1/environments/*/users/*", status: 500, count: 1 });
    const error = await invokeError(connector, "readUser", { identifier: user.id });
    expect(error).toMatchObject({ code: "unexpectedError", httpResponseCode: 500 });
    expect(error.details).toEqual([
      { rawResponse: expect.objectContaining({ code: expect.any(String) }), statusCode: 500 },
    ]);
    expect(error.output.statusCode).toBe(500);
  });

  it("maps 429 to requestLimited", async () => {
    await injectFault({ method: "GET", path: "/v1/environments/*/users", status: 429, count: 1 });
    const error = await invokeError(connector, "readUser", {
      matchAttribute: "username",
      identifier: "anyone",
    });
    expect(error).toMatchObject({ code: "requestLimited", httpResponseCode: 429 });
  });

  it("maps a worker without roles (403) and refused credentials (token error) to accessFailed", async () => {
    const { environment } = await env.provision({ roles: [] });
    const roleless = createConnector(
      { ...env.connection, ...environment, environmentId: environment.environmentId },
      { client: { retry: { maxAttempts: 1 } } },
    );
    const forbidden = await invokeError(roleless, "readUser", {
      matchAttribute: "username",
      identifier: "anyone",
    });
    expect(forbidden).toMatchObject({ code: "accessFailed", httpResponseCode: 403 });
    await roleless.close();
    const wrongSecret = createConnector({ ...env.connection, clientSecret: "not-the-secret-at-all" });
    const refused = await invokeError(wrongSecret, "readUser", { identifier: "x" });
    expect(refused.code).toBe("accessFailed");
    expect(JSON.stringify(refused)).not.toContain("not-the-secret-at-all");
    await wrongSecret.close();
  });

  it("maps a transport failure to connectionFailed, with no invented HTTP status", async () => {
    const unreachable = createConnector(
      { ...env.connection, apiUrl: "http://127.0.0.1:9" },
      { client: { retry: { maxAttempts: 1 } } },
    );
    const error = await invokeError(unreachable, "readUser", {
      identifier: "00000000-0000-4000-8000-000000000000",
    });
    expect(error.code).toBe("connectionFailed");
    expect(error).not.toHaveProperty("httpResponseCode");
    await unreachable.close();
  });
});

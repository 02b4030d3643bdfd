import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Connector, createConnector } from "../../src/connector.js";
import { toDaVinciEnvelope } from "../../src/envelopes/davinci.js";
import { type EmulatorEnvironment, startEmulatorEnvironment } from "../support/emulator-environment.js";

let env: EmulatorEnvironment;
let connector: Connector;

beforeAll(async () => {
  env = await startEmulatorEnvironment();
  connector = createConnector(env.connection);
});
afterAll(async () => {
  await connector?.close();
  await env?.stop();
});

async function injectAfterWrite(rule: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${env.url}/_emulator/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      rules: [{ method: "POST", path: "/v1/environments/*/users", when: "after", count: 1, ...rule }],
    }),
  });
  expect(response.ok).toBe(true);
}

async function userExists(username: string): Promise<boolean> {
  const { body } = await env.client.request<{ _embedded: { users: unknown[] } }>({
    method: "GET",
    path: `/environments/${env.environment.environmentId}/users`,
    query: { filter: `username eq "${username}"` },
  });
  return body._embedded.users.length === 1;
}

describe("a create whose outcome PingOne did not report", () => {
  it("is not replayed after a 500, and says the outcome is unknown with the Correlation-Id", async () => {
    await injectAfterWrite({ status: 500 });
    const username = `outcome-500-${Date.now()}`;
    const result = await connector.invoke("createUser", { username, email: `${username}@example.com` });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.outcomeUnknown).toBe(true);
    expect(result.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.message).toContain("outcome is unknown");
    expect(result.message).toContain(result.correlationId!);
    expect(toDaVinciEnvelope(result)).toMatchObject({
      error: { outcomeUnknown: true, transactionId: result.transactionId },
    });
    // It was applied exactly once: the connector did not send it again.
    expect(await userExists(username)).toBe(true);
  });

  it("is not replayed after the connection dropped, and names the transaction id", async () => {
    await injectAfterWrite({ resetConnection: true });
    const username = `outcome-reset-${Date.now()}`;
    const result = await connector.invoke("createUser", { username, email: `${username}@example.com` });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.outcomeUnknown).toBe(true);
    expect(result.transactionId).toBeDefined();
    expect(result.message).toContain(`X-Ping-External-Transaction-Id ${result.transactionId}`);
    expect(await userExists(username)).toBe(true);
  });

  it("is not flagged when PingOne refused the write outright", async () => {
    const username = `outcome-dup-${Date.now()}`;
    expect((await connector.invoke("createUser", { username, email: `${username}@example.com` })).ok).toBe(
      true,
    );
    const again = await connector.invoke("createUser", { username, email: `${username}@example.com` });
    expect(again.ok).toBe(false);
    if (again.ok) return;
    expect(again.code).toBe("uniquenessViolation");
    expect(again.outcomeUnknown).toBeUndefined();
  });
});

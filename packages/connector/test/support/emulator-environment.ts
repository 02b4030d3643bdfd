import { randomUUID } from "node:crypto";
import { createEmulator, type Emulator } from "pingone-emulator";
import { createPingOneClient } from "../../src/client/pingone-client.js";
import type { PingOneClient } from "../../src/client/types.js";
import type { ConnectionSettings } from "../../src/config/connection.js";

/** What the back door returns for a new environment with its worker application. */
export interface ProvisionedEnvironment {
  environmentId: string;
  clientId: string;
  clientSecret: string;
  authUrl: string;
  apiUrl: string;
}

export interface EmulatorEnvironment {
  emulator: Emulator;
  url: string;
  environment: ProvisionedEnvironment;
  /** Connection settings for `createConnector` / `createPingOneClient`. */
  connection: ConnectionSettings;
  /** A client on the environment's worker app, for setting up data through the PingOne API. */
  client: PingOneClient;
  /** Another environment in the same emulator, optionally with a worker holding other roles. */
  provision(options?: {
    roles?: string[];
  }): Promise<{ environment: ProvisionedEnvironment; client: PingOneClient }>;
  stop(): Promise<void>;
}

/** One emulator per test file on a free port, and a fresh environment provisioned through the back door. */
export async function startEmulatorEnvironment(): Promise<EmulatorEnvironment> {
  const emulator = createEmulator();
  const { url } = await emulator.start({ port: 0, host: "127.0.0.1" });
  const clients: PingOneClient[] = [];
  const provision = async (options: { roles?: string[] } = {}) => {
    const response = await fetch(`${url}/_emulator/environments`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(options.roles ? { roles: options.roles } : {}),
    });
    if (response.status !== 201)
      throw new Error(`provisioning failed: ${response.status} ${await response.text()}`);
    const environment = (await response.json()) as ProvisionedEnvironment;
    const client = createPingOneClient(connectionOf(environment), { retry: { maxAttempts: 1 } });
    clients.push(client);
    return { environment, client };
  };
  const { environment, client } = await provision();
  return {
    emulator,
    url,
    environment,
    connection: connectionOf(environment),
    client,
    provision,
    async stop() {
      await Promise.all(clients.map((c) => c.close()));
      await emulator.stop();
    },
  };
}

function connectionOf(environment: ProvisionedEnvironment): ConnectionSettings {
  return {
    environmentId: environment.environmentId,
    clientId: environment.clientId,
    clientSecret: environment.clientSecret,
    apiUrl: environment.apiUrl,
    authUrl: environment.authUrl,
  };
}

/** Creates a user through the PingOne API (not through the code under test) and returns its resource. */
export async function createTestUser(
  client: PingOneClient,
  attributes: Record<string, unknown> = {},
): Promise<{ id: string; username: string } & Record<string, unknown>> {
  const username = `user-${randomUUID().slice(0, 8)}`;
  const response = await client.request<{ id: string; username: string }>({
    method: "POST",
    path: `/environments/${client.environmentId}/users`,
    body: { username, email: `${username}@example.com`, ...attributes },
  });
  return response.body;
}

/** One line of the emulator's request statistics: calls by method, route pattern and status. */
export interface ServedRequests {
  method: string;
  route: string;
  status: number;
  count: number;
}

/** The PingOne API requests the emulator has served, by route (the back door is not counted). */
export async function servedRequests(emulatorUrl: string): Promise<ServedRequests[]> {
  const stats = (await (await fetch(`${emulatorUrl}/_emulator/stats`)).json()) as {
    requests: ServedRequests[];
  };
  return stats.requests;
}

/** How many worker tokens the emulator has issued. */
export async function tokensIssued(emulatorUrl: string): Promise<number> {
  const stats = (await (await fetch(`${emulatorUrl}/_emulator/stats`)).json()) as { tokensIssued: number };
  return stats.tokensIssued;
}

/** Every PingOne API request the emulator has served (the back door is not counted). */
export async function requestCount(emulatorUrl: string): Promise<number> {
  return (await servedRequests(emulatorUrl)).reduce((sum, entry) => sum + entry.count, 0);
}

import { randomUUID } from "node:crypto";
import type { ConnectionSettings } from "../src/config/connection.js";

/** A fresh environment for a resilience run, seeded through the back door with a chosen worker secret. */
export interface ResilienceEnvironment {
  emulatorUrl: string;
  environmentId: string;
  identityProviderId: string;
  connection: ConnectionSettings;
}

export async function backDoor(
  emulatorUrl: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const response = await fetch(`${emulatorUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 500)}`);
  return text ? JSON.parse(text) : undefined;
}

export async function seedEnvironment(
  emulatorUrl: string,
  clientSecret: string,
): Promise<ResilienceEnvironment> {
  const environmentId = randomUUID();
  const clientId = randomUUID();
  const identityProviderId = randomUUID();
  await backDoor(emulatorUrl, "POST", "/_emulator/seed", {
    environments: [
      {
        id: environmentId,
        name: `Resilience ${environmentId.slice(0, 8)}`,
        workers: [{ clientId, clientSecret }],
        identityProviders: [
          { id: identityProviderId, type: "GOOGLE", name: "Google", clientId: "g", clientSecret: "g-secret" },
        ],
      },
    ],
  });
  return {
    emulatorUrl,
    environmentId,
    identityProviderId,
    connection: { environmentId, clientId, clientSecret, apiUrl: emulatorUrl, authUrl: emulatorUrl },
  };
}

/** Faults on the emulator; they apply until cleared. */
export async function injectFaults(emulatorUrl: string, rules: Record<string, unknown>[]): Promise<void> {
  await backDoor(emulatorUrl, "POST", "/_emulator/faults", { rules });
}

export async function clearFaults(emulatorUrl: string): Promise<void> {
  await backDoor(emulatorUrl, "DELETE", "/_emulator/faults");
}

/** Responses the emulator answered with `status` so far (faulted ones included). */
export async function responsesWithStatus(emulatorUrl: string, status: number): Promise<number> {
  const stats = (await backDoor(emulatorUrl, "GET", "/_emulator/stats")) as {
    requests: { status: number; count: number }[];
  };
  return stats.requests.filter((r) => r.status === status).reduce((sum, r) => sum + r.count, 0);
}

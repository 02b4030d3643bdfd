import { fileURLToPath } from "node:url";
import type { ProvisionedEnvironment } from "./emulator-process.js";
import { type ServerProcess, startServerProcess } from "./server-process.js";

export const CONNECTOR_CLI = fileURLToPath(new URL("../../bin/pingone-connector.js", import.meta.url));

export interface ServiceProcess extends ServerProcess {
  apiKey: string;
  /** Resident set size of the service process, in MB. */
  rssMb(): Promise<number>;
  call(path: string, body: unknown): Promise<Response>;
}

/** Starts `pingone-connector serve` in its own process against an emulator environment. */
export async function startServiceProcess(env: ProvisionedEnvironment): Promise<ServiceProcess> {
  const apiKey = `bench-${Date.now()}-0123456789`;
  const server = await startServerProcess([CONNECTOR_CLI, "serve", "--port", "0", "--host", "127.0.0.1"], {
    PINGONE_CONNECTOR_API_KEY: apiKey,
    PINGONE_ENVIRONMENT_ID: env.environmentId,
    PINGONE_CLIENT_ID: env.clientId,
    PINGONE_CLIENT_SECRET: env.clientSecret,
    PINGONE_API_URL: env.apiUrl,
    PINGONE_AUTH_URL: env.authUrl,
    LOG_LEVEL: "warn",
  });
  return {
    ...server,
    apiKey,
    rssMb: async () => (await server.memory()).rssMb,
    call: (path, body) =>
      fetch(`${server.url}${path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
  };
}

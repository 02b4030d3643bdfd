import { type ChildProcess, spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { ProvisionedEnvironment } from "./emulator-process.js";

export const CONNECTOR_CLI = fileURLToPath(new URL("../../bin/pingone-connector.js", import.meta.url));

export interface ServiceProcess {
  url: string;
  apiKey: string;
  process: ChildProcess;
  /** Resident set size of the service process, in MB (from /proc). */
  rssMb(): Promise<number>;
  call(path: string, body: unknown): Promise<Response>;
  stop(): Promise<void>;
}

/** Starts `pingone-connector serve` in its own process against an emulator environment. */
export async function startServiceProcess(env: ProvisionedEnvironment): Promise<ServiceProcess> {
  const apiKey = `bench-${Date.now()}`;
  const child = spawn(process.execPath, [CONNECTOR_CLI, "serve", "--port", "0", "--host", "127.0.0.1"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PINGONE_CONNECTOR_API_KEY: apiKey,
      PINGONE_ENVIRONMENT_ID: env.environmentId,
      PINGONE_CLIENT_ID: env.clientId,
      PINGONE_CLIENT_SECRET: env.clientSecret,
      PINGONE_API_URL: env.apiUrl,
      PINGONE_AUTH_URL: env.authUrl,
      LOG_LEVEL: "warn",
    },
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(output);
      if (match) resolve(match[0]);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => reject(new Error(`the service exited with ${code}:\n${output}`)));
  });
  return {
    url,
    apiKey,
    process: child,
    async rssMb() {
      const status = await readFile(`/proc/${child.pid}/status`, "utf8");
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
      return kb / 1024;
    },
    call: (path, body) =>
      fetch(`${url}${path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

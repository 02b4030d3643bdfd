import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { EmulatorEnvironment } from "./emulator-environment.js";

export const CLI = fileURLToPath(new URL("../../dist/bin/pingone-connector.js", import.meta.url));

/** A JSON log line of the service, with the `performance.now()` at which the test read it. */
export interface LogLine {
  at: number;
  record: { level: number; msg: string; [field: string]: unknown };
}

export interface ServeProcess {
  child: ChildProcess;
  url: string;
  port: number;
  exited: Promise<number | null>;
  /** Every log line read so far from the service's stderr. */
  logs: LogLine[];
}

/**
 * Starts `pingone-connector serve --port 0` (the built CLI, a real process) against the
 * emulator environment, with `args` added, and resolves once it is listening.
 */
export async function startServeProcess(
  env: EmulatorEnvironment,
  options: { apiKey: string; args?: string[]; logLevel?: string },
): Promise<ServeProcess> {
  const child = spawn(process.execPath, [CLI, "serve", "--port", "0", ...(options.args ?? [])], {
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PINGONE_CONNECTOR_API_KEY: options.apiKey,
      PINGONE_ENVIRONMENT_ID: env.environment.environmentId,
      PINGONE_CLIENT_ID: env.environment.clientId,
      PINGONE_CLIENT_SECRET: env.environment.clientSecret,
      PINGONE_API_URL: env.environment.apiUrl,
      PINGONE_AUTH_URL: env.environment.authUrl,
      LOG_LEVEL: options.logLevel ?? "warn",
    },
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const logs: LogLine[] = [];
  let pending = "";
  let output = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    const at = performance.now();
    output += chunk.toString();
    pending += chunk.toString();
    const lines = pending.split("\n");
    pending = lines.pop()!;
    for (const line of lines) if (line.startsWith("{")) logs.push({ at, record: JSON.parse(line) });
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    exited.then((code) => reject(new Error(`serve exited with ${code}: ${output}`)));
  });
  return { child, url, port: Number(new URL(url).port), exited, logs };
}

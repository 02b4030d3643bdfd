import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

export interface EmulatorProcess {
  url: string;
  process: ChildProcess;
  /** Creates an environment with a worker app through the back door. */
  provision(body?: Record<string, unknown>): Promise<ProvisionedEnvironment>;
  backDoor(method: string, path: string, body?: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

export interface ProvisionedEnvironment {
  environmentId: string;
  clientId: string;
  clientSecret: string;
  authUrl: string;
  apiUrl: string;
}

const require = createRequire(import.meta.url);

/** The emulator's built CLI, wherever the workspace installed it. */
export function emulatorCli(): string {
  return join(dirname(require.resolve("pingone-emulator")), "cli", "main.js");
}

/**
 * Starts pingone-emulator in its own process on a free port of 127.0.0.1, so that its work
 * never shares an event loop with the code being measured.
 */
export async function startEmulatorProcess(args: string[] = []): Promise<EmulatorProcess> {
  const child = spawn(process.execPath, [emulatorCli(), "--port", "0", "--host", "127.0.0.1", ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the emulator did not start within 120 s:\n${output}`)),
      120_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the emulator exited with ${code}:\n${output}`));
    });
  });
  const backDoor = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  return {
    url,
    process: child,
    backDoor,
    provision: async (body = {}) =>
      (await backDoor("POST", "/_emulator/environments", body)) as ProvisionedEnvironment,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

import { type ChildProcess, execFile, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);

/** The built connector CLI (`npm run build` first), run as a user would run it. */
export const CONNECTOR_CLI = fileURLToPath(new URL("../../dist/bin/pingone-connector.js", import.meta.url));

/** The emulator's built CLI, wherever the workspace installed it. */
export const EMULATOR_CLI = join(dirname(require.resolve("pingone-emulator")), "cli", "main.js");

export interface RunningProcess {
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/** Starts a Node script and resolves once its output matches `ready` (rejects if it exits first). */
export async function startProcess(
  script: string,
  args: string[],
  ready: RegExp,
  env: Record<string, string> = {},
): Promise<RunningProcess> {
  const child = spawn(process.execPath, [script, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { PATH: process.env.PATH ?? "", ...env },
  });
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) resolve();
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    exited.then((code) => reject(new Error(`${script} exited with ${code} before it was ready:\n${output}`)));
  });
  return {
    child,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `pingone-connector <args>` as a process with only the given environment (no PINGONE_* of
 * the machine running the tests) and returns its exit code and output.
 */
export function runCliProcess(
  args: string[],
  env: Record<string, string> = {},
  stdin?: string,
): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [CONNECTOR_CLI, ...args],
      { env: { PATH: process.env.PATH ?? "", ...env } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
    child.stdin?.end(stdin ?? "");
  });
}

/** The PINGONE_* variables of an emulator environment, for a CLI run. */
export function connectionVariables(environment: {
  environmentId: string;
  clientId: string;
  clientSecret: string;
  apiUrl: string;
  authUrl: string;
}): Record<string, string> {
  return {
    PINGONE_ENVIRONMENT_ID: environment.environmentId,
    PINGONE_CLIENT_ID: environment.clientId,
    PINGONE_CLIENT_SECRET: environment.clientSecret,
    PINGONE_API_URL: environment.apiUrl,
    PINGONE_AUTH_URL: environment.authUrl,
  };
}

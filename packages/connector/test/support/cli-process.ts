import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The built CLI (`npm run build` first), run as a user would run it. */
export const CLI_MAIN = fileURLToPath(new URL("../../dist/bin/pingone-connector.js", import.meta.url));

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
      [CLI_MAIN, ...args],
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

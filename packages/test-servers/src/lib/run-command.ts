import { execFile } from "node:child_process";
import { basename } from "node:path";

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Written to the program's standard input, so secrets never appear in its arguments. */
  input?: string;
  timeoutMs?: number;
}

/** Runs a program to completion; a non-zero exit throws an error with its output. */
export function runCommand(
  file: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      file,
      args,
      { env: options.env, cwd: options.cwd, timeout: options.timeoutMs ?? 30_000, encoding: "utf8" },
      (error, stdout, stderr) => {
        if (error) {
          const status = error.killed
            ? `was stopped after ${options.timeoutMs ?? 30_000} ms`
            : `exited with ${error.code}`;
          // Only stderr: some programs echo their input (passwords among it) on stdout.
          reject(
            new Error(`${basename(file)} ${args.join(" ")} ${status}: ${stderr.trim() || "(no message)"}`),
          );
        } else {
          resolve({ stdout, stderr });
        }
      },
    );
    child.stdin?.end(options.input ?? "");
  });
}

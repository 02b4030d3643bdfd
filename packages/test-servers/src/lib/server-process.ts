import { type ChildProcess, spawn } from "node:child_process";
import type { Socket } from "node:net";
import { basename } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

export interface ServerProcessOptions {
  command: string;
  args: readonly string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** A temporary folder of the server's that goes too if this process dies without stopping it. */
  directory?: string;
  /** Resolves true once the server answers; polled until it does or the timeout passes. */
  isReady: () => Promise<boolean>;
  readyTimeoutMs?: number;
}

/** A server program run in the foreground, with the tail of its output kept for error messages. */
export interface ServerProcess {
  readonly pid: number;
  /** The last 16 KiB the server wrote to stdout and stderr. */
  output(): string;
  /** SIGSTOP: the server keeps its sockets but answers nothing, like a hung server. */
  freeze(): void;
  /** SIGCONT after freeze(). */
  thaw(): void;
  /** SIGTERM, then SIGKILL after 5 s (at once when frozen); resolves once the process has exited. Idempotent. */
  stop(): Promise<void>;
}

const outputLimit = 16 * 1024;

/**
 * Starts a server and waits until it answers. If it exits or does not answer in time, it is
 * stopped and the error carries its output, so a test run says why the server could not start.
 */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const name = basename(options.command);
  const child = spawn(options.command, options.args, {
    env: options.env,
    cwd: options.cwd,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-outputLimit);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);

  let exitStatus: string | undefined;
  // Ended with the server, so that it never signals a process id that has been given to another.
  const watchdog = startWatchdog(child, options.directory);
  const exited = new Promise<void>((resolve) => {
    child.once("exit", (code, signal) => {
      exitStatus = signal ? `was ended by ${signal}` : `exited with code ${code}`;
      watchdog?.kill();
      resolve();
    });
    child.once("error", (error) => {
      exitStatus = `could not be started (${error.message})`;
      resolve();
    });
  });

  let frozen = false;
  const stop = async () => {
    if (exitStatus === undefined) {
      if (frozen) {
        // A hung server that is taken down must not get to answer what it queued: a SIGCONT and
        // a graceful SIGTERM let slapd finish its pending operations first.
        child.kill("SIGKILL");
        await exited;
        return;
      }
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(killer);
    }
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 15_000);
  for (;;) {
    if (exitStatus !== undefined) {
      throw new Error(`${name} ${exitStatus} before it answered. Its output:\n${output.trim()}`);
    }
    if (await options.isReady().catch(() => false)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `${name} did not answer within ${options.readyTimeoutMs ?? 15_000} ms. Its output:\n${output.trim()}`,
      );
    }
    await sleep(25);
  }

  return {
    pid: child.pid!,
    output: () => output,
    freeze: () => {
      frozen = true;
      child.kill("SIGSTOP");
    },
    thaw: () => {
      frozen = false;
      child.kill("SIGCONT");
    },
    stop,
  };
}

/**
 * A shell that SIGKILLs the server, and removes its folder, when this process goes away in any
 * manner (a test run interrupted or killed): no server outlives the tests that started it.
 */
function startWatchdog(server: ChildProcess, directory = ""): ChildProcess | undefined {
  if (server.pid === undefined) return undefined;
  const script = 'read -r _; kill -9 "$1" 2>/dev/null; [ -n "$2" ] && rm -rf "$2"';
  const watchdog = spawn("sh", ["-c", script, "watchdog", String(server.pid), directory], {
    stdio: ["pipe", "ignore", "ignore"],
  });
  watchdog.on("error", () => {});
  watchdog.unref();
  (watchdog.stdin as Socket | null)?.unref();
  return watchdog;
}

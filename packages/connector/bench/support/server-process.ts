import { type ChildProcess, spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

const MEMORY_PROBE = fileURLToPath(new URL("./memory-probe.mjs", import.meta.url));

export interface MemoryFigures {
  rssMb: number;
  heapUsedMb: number;
}

export interface ServerProcess {
  url: string;
  process: ChildProcess;
  /** CPU time (user + system) the process has used so far, in µs, from /proc (10 ms ticks). */
  cpuMicros(): Promise<number>;
  /** RSS and V8 heap in use, asked of the process itself. */
  memory(): Promise<MemoryFigures>;
  stop(): Promise<void>;
}

/**
 * Starts a Node HTTP server in its own process, so that its work never shares an event loop with
 * the load generator, and resolves once it prints its `http://127.0.0.1:port` URL.
 */
export async function startServerProcess(args: string[], env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const child = spawn(process.execPath, ["--import", MEMORY_PROBE, ...args], {
    stdio: ["ignore", "pipe", "pipe", "ipc"],
    env: { ...process.env, ...env },
  });
  child.channel?.unref();
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(output);
      if (match) resolve(match[0]);
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`${args.join(" ")} exited with ${code}:\n${output}`)));
  });
  return {
    url,
    process: child,
    async cpuMicros() {
      const stat = await readFile(`/proc/${child.pid}/stat`, "utf8");
      // Fields after the command name: utime and stime are the 12th and 13th, in clock ticks.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      return (Number(fields[11]) + Number(fields[12])) * 10_000;
    },
    memory: () =>
      new Promise<MemoryFigures>((resolve) => {
        child.once("message", (message: { memory: NodeJS.MemoryUsage }) =>
          resolve({ rssMb: message.memory.rss / 2 ** 20, heapUsedMb: message.memory.heapUsed / 2 ** 20 }),
        );
        child.send("memory");
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

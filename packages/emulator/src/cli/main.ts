#!/usr/bin/env node
import { mkdirSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import { Command, InvalidArgumentError } from "commander";
import { createEmulator, type Emulator } from "../emulator.js";
import { applySeed } from "../seed/seed.js";
import { ensureDemoEnvironment } from "./demo-environment.js";
import { EMULATOR_VERSION } from "./version.js";

interface CliOptions {
  port: number;
  host: string;
  db: string;
  seed?: string;
  demo?: boolean;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65_535)
    throw new InvalidArgumentError("must be a port number (0-65535)");
  return port;
}

function printCredentials(
  label: string,
  url: string,
  environmentId: string,
  worker: { clientId: string; clientSecret: string; tokenAuthMethod: string },
): void {
  console.log(`${label}: ${environmentId}`);
  console.log(`  client id:     ${worker.clientId}`);
  console.log(`  client secret: ${worker.clientSecret}`);
  console.log(`  auth method:   ${worker.tokenAuthMethod}`);
  console.log(`  token URL:     ${url}/${environmentId}/as/token`);
  console.log(`  API base:      ${url}/v1`);
}

async function run(options: CliOptions): Promise<void> {
  if (options.db !== ":memory:") mkdirSync(dirname(options.db), { recursive: true });
  const emulator: Emulator = createEmulator({ dbPath: options.db });
  const context = { db: emulator.db, clock: emulator.clock, settings: emulator.settings };
  if (options.seed !== undefined) {
    const summary = applySeed(context, JSON.parse(readFileSync(options.seed, "utf8")) as unknown);
    for (const environment of summary.environments) {
      if (environment.skipped)
        console.log(`Seed: environment ${environment.environmentId} exists, left as it is`);
      else
        console.log(
          `Seed: environment ${environment.environmentId} (${environment.name}), ${environment.users} users`,
        );
    }
  }
  const demo = options.demo === true ? ensureDemoEnvironment(context) : undefined;
  const { url } = await emulator.start({ port: options.port, host: options.host }).catch((error: unknown) => {
    throw listenProblem(error, options) ?? error;
  });
  console.log(`pingone-emulator listening on ${url} (database: ${options.db})`);
  if (demo !== undefined) {
    printCredentials(
      demo.created ? "Demo environment (created)" : "Demo environment (reused)",
      url,
      demo.environmentId,
      {
        clientId: demo.worker.id,
        clientSecret: demo.worker.clientSecret,
        tokenAuthMethod: demo.worker.tokenAuthMethod,
      },
    );
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Received ${signal}, stopping`);
    emulator.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

/** A port that cannot be had, said with the option that chooses another. */
function listenProblem(error: unknown, options: CliOptions): Error | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const where = `port ${options.port} on ${options.host}`;
  if (code === "EADDRINUSE") {
    return new Error(
      `${where} is already in use: choose another with --port <port> (0 picks a free one), or stop what listens there`,
    );
  }
  if (code === "EACCES")
    return new Error(`${where} needs privileges: choose one above 1023 with --port <port>`);
  return undefined;
}

const program = new Command()
  .name("pingone-emulator")
  .description("A PingOne-compatible Platform API server on SQLite, with a /_emulator back door")
  .version(EMULATOR_VERSION)
  .option("--port <port>", "port to listen on (0 = any free port)", parsePort, 4600)
  .option("--host <host>", "address to listen on", "127.0.0.1")
  .option("--db <file>", "SQLite database file (WAL), or :memory:", ":memory:")
  .option(
    "--seed <file.json>",
    "load a seed file before listening (environments with existing ids are skipped)",
  )
  .option("--demo", "create (or reuse) a demo environment and print its worker credentials")
  .action(async (options: CliOptions) => {
    try {
      await run(options);
    } catch (error) {
      // Seed, file and listen errors name the problem; none of them carries a secret.
      console.error(`pingone-emulator: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    }
  });

await program.parseAsync(process.argv);

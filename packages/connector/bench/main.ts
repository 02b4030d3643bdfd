import { parseArgs } from "node:util";
import { capabilityLayer } from "./capability-layer.js";
import { cliStartup } from "./cli-startup.js";
import { paging } from "./paging.js";
import { perCallOverhead } from "./per-call-overhead.js";
import { rateLimits } from "./rate-limits.js";
import { resilienceRows } from "./resilience.js";
import { serviceThroughput } from "./service.js";
import { startEmulatorProcess } from "./support/emulator-process.js";
import { type BenchReport, type BenchRow, machineFacts, renderTable } from "./support/report.js";
import { writePagingSeed } from "./support/seed-users.js";
import { tokenEconomy } from "./token-economy.js";

const HELP = `Usage: npm run bench -- [options]

Runs every benchmark against a fresh pingone-emulator on 127.0.0.1 and prints one table:
what was measured, our figure, the baseline's, their ratio and the target.

Options:
  --json             print the report as JSON instead of the table
  --quick            a quick run: sizes divided by 10, one measured run each
  --calls <n>        calls per overhead/service measurement (default 5000)
  --users <n>        users to page through (default 100000)
  --runs <n>         measured runs per side, taken in turn with the baseline (default 5)
  --only <names>     comma-separated subset: overhead,layer,paging,rate,token,cli,service
  --resilience       run the resilience suite instead: journeys under read faults (100x),
                     createUser and createUserGroupMembership under write faults (500x each),
                     canary secrets with debug logging
  --help             this text
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: "boolean", default: false },
      quick: { type: "boolean", default: false },
      calls: { type: "string" },
      users: { type: "string" },
      runs: { type: "string" },
      only: { type: "string" },
      resilience: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const scale = values.quick ? 10 : 1;
  const options = {
    calls: positive(values.calls, 5000 / scale, "--calls"),
    users: positive(values.users, 100_000 / scale, "--users"),
    runs: positive(values.runs, values.quick ? 1 : 5, "--runs"),
  };
  const selected = new Set((values.only ?? "overhead,layer,paging,rate,token,cli,service").split(","));
  const log = (message: string) => process.stderr.write(`${message}\n`);
  const rows: BenchRow[] = [];
  const startedAt = new Date().toISOString();

  const seed =
    !values.resilience && selected.has("paging") ? await writePagingSeed(options.users) : undefined;
  if (seed) log(`seeding ${options.users} users for the paging benchmark ...`);
  if (values.resilience) {
    const emulator = await startEmulatorProcess();
    try {
      rows.push(...(await resilienceRows(emulator.url, scale, log)));
    } finally {
      await emulator.stop();
    }
    const report: BenchReport = {
      machine: machineFacts(),
      startedAt,
      options: { resilience: true, quick: values.quick },
      rows,
    };
    process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : `${renderTable(report)}\n`);
    if (rows.some((r) => r.met === false)) process.exitCode = 1;
    return;
  }
  const emulator = await startEmulatorProcess(seed ? ["--seed", seed.file] : []);
  try {
    if (selected.has("overhead")) {
      log(`per-call overhead: ${options.calls} calls x ${options.runs} runs ...`);
      rows.push(...(await perCallOverhead(emulator, options)));
    }
    if (selected.has("layer")) {
      log("capability layer ...");
      rows.push(...(await capabilityLayer(emulator, options)));
    }
    if (selected.has("paging")) {
      log("paging ...");
      rows.push(...(await paging(seed!.environment(emulator.url), options)));
    }
    if (selected.has("rate")) {
      log("rate limits: 50 requests/s ...");
      rows.push(...(await rateLimits(emulator, { calls: 1000 / scale, requestsPerSecond: 50 })));
    }
    if (selected.has("token")) {
      log("token economy ...");
      rows.push(...(await tokenEconomy(emulator, { calls: 10_000 / scale })));
    }
    if (selected.has("service")) {
      log("service ...");
      rows.push(...(await serviceThroughput(emulator, options)));
    }
  } finally {
    await emulator.stop();
  }
  if (selected.has("cli")) {
    log("CLI start-up ...");
    rows.push(...(await cliStartup({ runs: Math.max(5, options.runs * 3) })));
  }
  const report: BenchReport = {
    machine: machineFacts(),
    startedAt,
    options: { ...options, quick: values.quick },
    rows,
  };
  process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : `${renderTable(report)}\n`);
}

function positive(value: string | undefined, fallback: number, flag: string): number {
  if (value === undefined) return Math.max(1, Math.round(fallback));
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1)
    throw new Error(`${flag} must be a positive whole number, got "${value}"`);
  return parsed;
}

main().catch((error: unknown) => {
  process.stderr.write(`benchmark failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});

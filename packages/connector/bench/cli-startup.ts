import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { type BenchRow, row } from "./support/report.js";
import { CONNECTOR_CLI } from "./support/service-process.js";
import { median } from "./support/stats.js";

const run = promisify(execFile);

async function wallTime(args: string[], runs: number): Promise<number> {
  await run(process.execPath, args);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run(process.execPath, args);
    samples.push(performance.now() - started);
  }
  return median(samples);
}

/** 5. CLI start-up: `--help` and `list --json` against `node -e 0`. */
export async function cliStartup(options: { runs: number }): Promise<BenchRow[]> {
  const floor = await wallTime(["-e", "0"], options.runs);
  const help = await wallTime([CONNECTOR_CLI, "--help"], options.runs);
  const list = await wallTime([CONNECTOR_CLI, "list", "--json"], options.runs);
  return [
    row("CLI start-up", "pingone-connector --help: wall time", "ms", help, floor, "node -e 0", { max: 2 }),
    row("CLI start-up", "pingone-connector list --json: wall time", "ms", list, floor, "node -e 0", {
      max: 2,
    }),
  ];
}

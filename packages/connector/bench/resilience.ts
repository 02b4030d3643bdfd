import { runResilienceSuite } from "../resilience/suite.js";
import { type BenchRow, check } from "./support/report.js";

/** `--resilience`: the suite at full size, as table rows (every target is an absolute count). */
export async function resilienceRows(
  emulatorUrl: string,
  scale: number,
  log: (line: string) => void,
): Promise<BenchRow[]> {
  const iterations = Math.max(1, Math.round(100 / scale));
  const writeCalls = Math.max(1, Math.round(500 / scale));
  log(
    `resilience: ${iterations} rounds of 6 journeys under 10% read faults, ${writeCalls} writes of each kind under write faults ...`,
  );
  const report = await runResilienceSuite(emulatorUrl, {
    iterations,
    writeCalls,
    readFaultProbability: 0.1,
    writeFaultProbability: 0.1,
    concurrency: 8,
  });
  for (const failure of report.readFaults.failures.slice(0, 10)) log(`  journey failure: ${failure}`);
  for (const writes of report.writes)
    for (const line of writes.unexplained.slice(0, 10)) log(`  unexplained: ${line}`);
  for (const leak of report.canary.leaks) log(`  canary: ${leak}`);
  const rows: BenchRow[] = [
    check(
      "faults on reads",
      `${report.readFaults.journeysRun} journeys: failed`,
      "journeys",
      report.readFaults.failures.length,
      {
        max: 0,
        text: "= 0",
      },
    ),
    check(
      "faults on reads",
      "faulted 500/503 answers absorbed",
      "responses",
      report.readFaults.faultedResponses,
      { text: "reported" },
    ),
  ];
  for (const writes of report.writes) {
    const name = `faults on writes: ${writes.operation}`;
    rows.push(
      check(name, `${writes.calls} calls: succeeded`, "calls", writes.succeeded, { text: "reported" }),
      check(name, "failed, not applied", "calls", writes.failedNotApplied, { text: "reported" }),
      check(
        name,
        "failed, outcome unknown (with Correlation-Id or transaction id)",
        "calls",
        writes.failedOutcomeUnknown,
        {
          text: "reported",
        },
      ),
      check(name, "losses (reported done, missing)", "writes", writes.losses, { max: 0, text: "= 0" }),
      check(name, "duplicates", "writes", writes.duplicates, { max: 0, text: "= 0" }),
      check(name, "unexplained failures", "calls", writes.unexplained.length, { max: 0, text: "= 0" }),
    );
  }
  rows.push(
    check(
      "secrets canary",
      `${report.canary.canaries} canaries in ${report.canary.logLines} debug log lines and all output`,
      "leaks",
      report.canary.leaks.length,
      {
        max: 0,
        text: "= 0",
      },
    ),
  );
  return rows;
}

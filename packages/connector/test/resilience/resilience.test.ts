import { createEmulator, type Emulator } from "pingone-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ResilienceReport, runResilienceSuite } from "../../resilience/suite.js";

// The short version of `npm run bench -- --resilience`: the same suite, smaller.
describe("resilience under injected faults, with canary secrets and debug logging", () => {
  let emulator: Emulator;
  let report: ResilienceReport;
  beforeAll(async () => {
    emulator = createEmulator();
    const { url } = await emulator.start({ port: 0 });
    report = await runResilienceSuite(url, {
      iterations: 3,
      writeCalls: 40,
      readFaultProbability: 0.1,
      writeFaultProbability: 0.15,
      concurrency: 3,
    });
  }, 120_000);
  afterAll(() => emulator?.stop());

  it("completes every journey while 10% of reads fail with 500, 503 or a dropped connection", () => {
    expect(report.readFaults.failures).toEqual([]);
    expect(report.readFaults.journeysRun).toBe(18);
    expect(report.readFaults.faultedResponses).toBeGreaterThan(0);
  });

  it("loses and duplicates nothing when writes fail after being applied, and explains every failure", () => {
    for (const writes of report.writes) {
      expect(writes.unexplained, writes.operation).toEqual([]);
      expect(writes.losses, writes.operation).toBe(0);
      expect(writes.duplicates, writes.operation).toBe(0);
      expect(writes.succeeded + writes.failedNotApplied + writes.failedOutcomeUnknown).toBe(writes.calls);
    }
    expect(report.writes.reduce((sum, w) => sum + w.failedOutcomeUnknown, 0)).toBeGreaterThan(0);
  });

  it("never shows the client secret, a password or an emailed code in stdout, stderr or the debug log", () => {
    expect(report.canary.logLines).toBeGreaterThan(0);
    expect(report.canary.canaries).toBeGreaterThanOrEqual(3 + 3);
    expect(report.canary.leaks).toEqual([]);
  });
});

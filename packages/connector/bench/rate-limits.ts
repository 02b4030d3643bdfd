import { createConnector } from "../src/connector.js";
import type { EmulatorProcess } from "./support/emulator-process.js";
import { type BenchRow, check } from "./support/report.js";
import { runConcurrent } from "./support/stats.js";
import { connectionOf } from "./support/worker-token.js";

interface Stats {
  requests: { method: string; route: string; status: number; count: number }[];
}

/**
 * 3. Rate limits: the emulator allows 50 requests/s for the environment; 1,000 readUser calls
 * with 32 in flight must all succeed at >= 90% of the limit. Baseline: the same run with
 * retries off.
 */
export async function rateLimits(
  emulator: EmulatorProcess,
  options: { calls: number; requestsPerSecond: number },
): Promise<BenchRow[]> {
  const env = await emulator.provision();
  const limited = async (maxAttempts: number | undefined) => {
    const connector = createConnector(connectionOf(env), {
      client: { retry: maxAttempts === undefined ? { maxElapsedMs: 120_000 } : { maxAttempts } },
    });
    const created = await connector.invoke("createUser", {
      username: `rate-${maxAttempts ?? "on"}-${Date.now()}`,
      email: "rate@example.com",
      population: "useDefaultPopulation",
    });
    if (!created.ok) throw new Error(`createUser failed: ${created.code} ${created.message}`);
    const userId = (created.output.user as { id: string }).id;
    await emulator.backDoor("POST", "/_emulator/rate-limit", {
      environmentId: env.environmentId,
      requestsPerSecond: options.requestsPerSecond,
    });
    const before = await tooManyRequests(emulator);
    let failed = 0;
    const { wallMs } = await runConcurrent(options.calls, 32, async () => {
      const result = await connector.invoke("readUser", { matchAttribute: "id", identifier: userId });
      if (!result.ok) failed++;
    });
    const rejected = (await tooManyRequests(emulator)) - before;
    await emulator.backDoor("POST", "/_emulator/rate-limit", {
      environmentId: env.environmentId,
      requestsPerSecond: null,
    });
    await connector.close();
    return { failed, throughput: ((options.calls - failed) / wallMs) * 1000, rejected };
  };
  const withRetries = await limited(undefined);
  const withoutRetries = await limited(1);
  const limit = options.requestsPerSecond;
  return [
    check(
      "rate limits",
      `${options.calls} readUser at ${limit}/s, 32 in flight: failed calls`,
      "calls",
      withRetries.failed,
      {
        max: 0,
        text: "= 0",
      },
      withoutRetries.failed,
      "retries off",
    ),
    check("rate limits", "achieved throughput", "calls/s", withRetries.throughput, {
      min: 0.9 * limit,
      text: `>= ${0.9 * limit}/s (90% of limit)`,
    }),
    check(
      "rate limits",
      "429 answers received",
      "responses",
      withRetries.rejected,
      { text: "reported" },
      withoutRetries.rejected,
      "retries off",
    ),
  ];
}

async function tooManyRequests(emulator: EmulatorProcess): Promise<number> {
  const stats = (await emulator.backDoor("GET", "/_emulator/stats")) as Stats;
  return stats.requests.filter((r) => r.status === 429).reduce((sum, r) => sum + r.count, 0);
}

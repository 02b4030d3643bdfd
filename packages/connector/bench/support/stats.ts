/** Small, dependency-free statistics for benchmark samples. */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

/** Runs `task` `count` times with at most `concurrency` in flight; returns per-call latencies (ms) and wall time. */
export async function runConcurrent(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<unknown>,
): Promise<{ latencies: number[]; wallMs: number; failures: number }> {
  const latencies: number[] = new Array(count);
  let next = 0;
  let failures = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const index = next++;
      const t0 = performance.now();
      try {
        await task(index);
      } catch {
        failures++;
      }
      latencies[index] = performance.now() - t0;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return { latencies, wallMs: performance.now() - started, failures };
}

/**
 * Medians over `runs` repetitions of measurements taken in turn (A, B, C, A, B, C, ...), after one
 * warm-up of each, so that drift on a shared machine weighs on every side alike.
 */
export async function repeatInTurn<M extends (() => Promise<Record<string, number>>)[]>(
  runs: number,
  ...measures: M
): Promise<{ [K in keyof M]: Awaited<ReturnType<M[K]>> }> {
  for (const measure of measures) await measure();
  const samples: Record<string, number>[][] = measures.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [index, measure] of measures.entries()) samples[index]!.push(await measure());
  }
  return samples.map((side) => {
    const out: Record<string, number> = {};
    for (const key of Object.keys(side[0]!)) out[key] = median(side.map((s) => s[key]!));
    return out;
  }) as { [K in keyof M]: Awaited<ReturnType<M[K]>> };
}

/**
 * Runs `task` like {@link runConcurrent} and adds the process CPU time (user + system) it took
 * per call, in microseconds: on shared cores the wall clock mostly measures the server.
 */
export async function measureCalls(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<unknown>,
): Promise<{ median: number; throughput: number; cpuPerCallUs: number }> {
  global.gc?.();
  const cpu = process.cpuUsage();
  const { latencies, wallMs, failures } = await runConcurrent(count, concurrency, task);
  const spent = process.cpuUsage(cpu);
  if (failures > 0) throw new Error(`${failures} of ${count} calls failed`);
  return {
    median: median(latencies),
    throughput: (count / wallMs) * 1000,
    cpuPerCallUs: (spent.user + spent.system) / count,
  };
}

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
 * Medians over `runs` repetitions of two measurements taken in turn (A, B, A, B, ...), after one
 * warm-up of each, so that drift on a shared machine weighs on both sides alike.
 */
export async function repeatInTurn<T extends Record<string, number>>(
  runs: number,
  measureA: () => Promise<T>,
  measureB: () => Promise<T>,
): Promise<[T, T]> {
  await measureA();
  await measureB();
  const a: T[] = [];
  const b: T[] = [];
  for (let i = 0; i < runs; i++) {
    a.push(await measureA());
    b.push(await measureB());
  }
  const medians = (samples: T[]) => {
    const out: Record<string, number> = {};
    for (const key of Object.keys(samples[0]!)) out[key] = median(samples.map((s) => s[key]!));
    return out as T;
  };
  return [medians(a), medians(b)];
}

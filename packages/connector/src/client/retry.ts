import { onAbort } from "./abort-subscriptions.js";
import type { Clock } from "./clock.js";
import { nextDelay, parseRetryAfter, type RetryOptions } from "./retry-policy.js";

/** Why another attempt may succeed where this one did not. */
export interface RetryCause {
  /** The HTTP status that asked for it; absent for a failure without a response. */
  status?: number;
  /** What went wrong when there was no response (`network failure (ECONNREFUSED): ...`). */
  reason?: string;
  /** The response's `Retry-After` header, honoured in place of the backoff. */
  retryAfter?: string;
  /** True when the server processed nothing (429): the attempt does not count against `maxAttempts`. */
  free?: boolean;
}

/**
 * What one attempt came to: an answer, returned when no retry follows, or a failure, thrown when
 * none follows; `retry` says that another attempt may help.
 */
export type Attempt<T> = ({ answer: T } | { failure: unknown }) & { retry?: RetryCause };

/** What is known about a retry before its wait: the attempt that failed, why, and the wait. */
export interface RetryNotice {
  attempt: number;
  waitMs: number;
  status: number | undefined;
  reason: string | undefined;
}

export interface RetryRun {
  policy: Required<RetryOptions>;
  clock: Clock;
  /** Cuts a wait short; the attempts themselves watch it too. */
  signal?: AbortSignal;
  /** Told before every wait. */
  onRetry?(info: RetryNotice): void;
  /** The error to throw when the caller aborts during a wait. */
  aborted(reason: unknown, attempts: number): unknown;
}

/**
 * The one retry loop of the client: runs `attempt` (numbered from 1) until it needs no retry or
 * the policy says stop, and reports how many attempts the answer took.
 */
export async function withRetries<T>(
  run: RetryRun,
  attempt: (n: number) => Promise<Attempt<T>>,
): Promise<{ answer: T; attempts: number }> {
  const started = run.clock();
  let free = 0;
  for (let n = 1; ; n++) {
    const result = await attempt(n);
    const cause = result.retry;
    if (cause === undefined) {
      if ("answer" in result) return { answer: result.answer, attempts: n };
      throw result.failure;
    }
    if (cause.free) free++;
    const now = run.clock();
    const waitMs = nextDelay(
      run.policy,
      { attempt: n, counted: n - free, elapsedMs: now - started },
      parseRetryAfter(cause.retryAfter, now),
    );
    if (waitMs === undefined) {
      if ("answer" in result) return { answer: result.answer, attempts: n };
      throw result.failure;
    }
    run.onRetry?.({ attempt: n, waitMs, status: cause.status, reason: cause.reason });
    try {
      await sleep(waitMs, run.signal);
    } catch (reason) {
      throw run.aborted(reason, n);
    }
  }
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      unsubscribe?.();
      resolve();
    }, ms);
    const unsubscribe =
      signal &&
      onAbort(signal, () => {
        clearTimeout(timer);
        reject(signal.reason);
      });
  });
}

import type { HttpMethod } from "./types.js";

/** How transient failures are retried (docs/connector-client.md#retries). */
export interface RetryOptions {
  /**
   * Attempts in all, the first included. Default 5; 1 turns every retry off. A 429 does not count:
   * PingOne processed nothing, so rate-limited calls are retried within `maxElapsedMs` only.
   */
  maxAttempts?: number;
  /** No retry starts after this much time since the first attempt. Default 30 s. */
  maxElapsedMs?: number;
  /** First backoff delay; doubles per attempt, with jitter. Default 250 ms. */
  baseDelayMs?: number;
  /** Largest computed backoff delay. Default 8 s. */
  maxDelayMs?: number;
  /** The longest `Retry-After` honoured; a longer one ends the retries. Default 30 s (as Ping's SDKs). */
  retryAfterCapMs?: number;
}

export const DEFAULT_RETRY: Required<RetryOptions> = {
  maxAttempts: 5,
  maxElapsedMs: 30_000,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  retryAfterCapMs: 30_000,
};

const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);

/** GET, HEAD, PUT and DELETE may be replayed; POST and PATCH only when marked idempotent. */
export function isReplayable(method: HttpMethod, idempotent: boolean | undefined): boolean {
  return (
    method === "GET" || method === "HEAD" || method === "PUT" || method === "DELETE" || idempotent === true
  );
}

/**
 * Whether an HTTP status is worth another attempt. A 429 is always retried: PingOne did not
 * process the call. Other statuses only for replayable calls, because a 500 on a POST may
 * come after the write was applied.
 */
export function isRetryableStatus(status: number, replayable: boolean): boolean {
  if (status === 429) return true;
  return replayable && (RETRYABLE_STATUS.has(status) || status >= 500);
}

/** Parses `Retry-After` (delta seconds or an HTTP date) into milliseconds from `now` (docs/connector-client.md#retry-after). */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Where a run of attempts stands when one has failed. */
export interface RetryState {
  /** The attempt that just failed, counting from 1. */
  attempt: number;
  /** Attempts that count against `maxAttempts` (429s do not). */
  counted: number;
  /** Milliseconds since the first attempt started. */
  elapsedMs: number;
}

/**
 * Milliseconds to wait before the next attempt, or undefined when the retries are over: the
 * counted attempts are used up, the advised `Retry-After` is over the cap, or the wait would end
 * past `maxElapsedMs`.
 */
export function nextDelay(
  policy: Required<RetryOptions>,
  state: RetryState,
  retryAfterMs: number | undefined,
): number | undefined {
  if (policy.maxAttempts <= 1 || state.counted >= policy.maxAttempts) return undefined;
  if (retryAfterMs !== undefined && retryAfterMs > policy.retryAfterCapMs) return undefined;
  const waitMs = retryAfterMs ?? backoffDelay(Math.min(state.attempt, 16), policy);
  if (state.elapsedMs + waitMs > policy.maxElapsedMs) return undefined;
  return waitMs;
}

/** Exponential backoff with "equal jitter": half the delay fixed, half random. */
export function backoffDelay(attempt: number, options: Required<RetryOptions>, random = Math.random): number {
  const exponential = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}

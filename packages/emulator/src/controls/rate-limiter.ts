import type { Clock } from "../clock.js";

interface Bucket {
  requestsPerSecond: number;
  tokens: number;
  refilledAt: number;
}

/**
 * A token bucket per environment, refilled on the emulator clock: capacity = one second's worth of
 * requests. Off for an environment until a limit is set through the back door.
 */
export class RateLimiter {
  readonly #clock: Clock;
  readonly #buckets = new Map<string, Bucket>();

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  setLimit(environmentId: string, requestsPerSecond: number): void {
    this.#buckets.set(environmentId, {
      requestsPerSecond,
      tokens: requestsPerSecond,
      refilledAt: this.#clock.now(),
    });
  }

  removeLimit(environmentId: string): void {
    this.#buckets.delete(environmentId);
  }

  /** Takes one request from the bucket; returns 0 when allowed, else the whole seconds to wait. */
  take(environmentId: string): number {
    const bucket = this.#buckets.get(environmentId);
    if (bucket === undefined) return 0;
    const now = this.#clock.now();
    const elapsedSeconds = Math.max(0, now - bucket.refilledAt) / 1000;
    bucket.tokens = Math.min(
      bucket.requestsPerSecond,
      bucket.tokens + elapsedSeconds * bucket.requestsPerSecond,
    );
    bucket.refilledAt = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / bucket.requestsPerSecond));
  }

  reset(): void {
    this.#buckets.clear();
  }
}

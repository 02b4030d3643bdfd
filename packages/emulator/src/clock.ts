/** The emulator's notion of "now", injectable so tests can drive token expiry, code TTLs and lockouts. */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

/** A clock the back door (`POST /_emulator/clock`) and tests can move forward. */
export interface ControllableClock extends Clock {
  /**
   * Moves the clock forward. Throws `RangeError`, changing nothing, for a negative or non-finite
   * number of seconds or one that would leave the clock more than `MAX_CLOCK_DRIFT_YEARS` from real time.
   */
  advance(seconds: number): void;
}

/**
 * How far the emulator clock may be from real time, either way. Far inside the ±8.64e15 ms a
 * `Date` can hold, so every timestamp and expiry the emulator derives stays an ISO date
 * (docs/emulator.md#clock-range).
 */
export const MAX_CLOCK_DRIFT_YEARS = 100;
const MAX_CLOCK_DRIFT_MS = MAX_CLOCK_DRIFT_YEARS * 365.25 * 24 * 60 * 60 * 1000;

/** Real time plus an offset accumulated by `advance`: the default for a running emulator. */
export function createSystemClock(): ControllableClock {
  let offsetMs = 0;
  return {
    now: () => Date.now() + offsetMs,
    advance(seconds) {
      offsetMs = advancedTime(Date.now() + offsetMs, seconds) - Date.now();
    },
  };
}

/** A frozen clock that moves only when told: for tests that need exact instants. */
export function createManualClock(startMs = Date.UTC(2025, 0, 1)): ControllableClock {
  let nowMs = assertWithinRange(startMs, "The manual clock's start");
  return {
    now: () => nowMs,
    advance(seconds) {
      nowMs = advancedTime(nowMs, seconds);
    },
  };
}

/** The instant `seconds` after `fromMs`, or a `RangeError` saying why the clock cannot go there. */
function advancedTime(fromMs: number, seconds: number): number {
  if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds < 0) {
    throw new RangeError("The clock can only move forward by a finite, non-negative number of seconds");
  }
  return assertWithinRange(fromMs + seconds * 1000, "The clock");
}

function assertWithinRange(epochMs: number, what: string): number {
  if (!Number.isFinite(epochMs) || Math.abs(epochMs - Date.now()) > MAX_CLOCK_DRIFT_MS) {
    throw new RangeError(`${what} must stay within ${MAX_CLOCK_DRIFT_YEARS} years of the real time`);
  }
  return epochMs;
}

/** ISO 8601 with milliseconds, the way PingOne formats `createdAt`/`updatedAt`. */
export function toIsoTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

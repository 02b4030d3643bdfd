/** The emulator's notion of "now", injectable so tests can drive token expiry, code TTLs and lockouts. */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

/** A clock the back door (`POST /_emulator/clock`) and tests can move forward. */
export interface ControllableClock extends Clock {
  /** Moves the clock forward; negative values are refused so time never runs backwards. */
  advance(seconds: number): void;
}

/** Real time plus an offset accumulated by `advance`: the default for a running emulator. */
export function createSystemClock(): ControllableClock {
  let offsetMs = 0;
  return {
    now: () => Date.now() + offsetMs,
    advance(seconds) {
      assertForward(seconds);
      offsetMs += seconds * 1000;
    },
  };
}

/** A frozen clock that moves only when told: for tests that need exact instants. */
export function createManualClock(startMs = Date.UTC(2025, 0, 1)): ControllableClock {
  let nowMs = startMs;
  return {
    now: () => nowMs,
    advance(seconds) {
      assertForward(seconds);
      nowMs += seconds * 1000;
    },
  };
}

function assertForward(seconds: number): void {
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new RangeError("The clock can only move forward by a finite number of seconds");
  }
}

/** ISO 8601 with milliseconds, the way PingOne formats `createdAt`/`updatedAt`. */
export function toIsoTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

import type { Clock } from "../clock.js";
import { FaultInjector } from "./fault-injector.js";
import { RateLimiter } from "./rate-limiter.js";
import { RequestStats } from "./request-stats.js";

/** In-memory controls of the back door (faults, limits, counters); reset with the data. */
export interface BackDoorState {
  faults: FaultInjector;
  rateLimiter: RateLimiter;
  stats: RequestStats;
}

export function createBackDoorState(clock: Clock): BackDoorState {
  return { faults: new FaultInjector(), rateLimiter: new RateLimiter(clock), stats: new RequestStats() };
}

import type { BackDoorModule } from "./back-door-module.js";
import { clockRoutes } from "./clock.js";
import { environmentRoutes } from "./environments.js";
import { faultRoutes } from "./faults.js";
import { healthRoutes } from "./health.js";
import { outboxRoutes } from "./outbox.js";
import { rateLimitRoutes } from "./rate-limit.js";
import { resetRoutes } from "./reset.js";
import { seedRoutes } from "./seed.js";
import { statsRoutes } from "./stats.js";

/**
 * The `/_emulator` back door: no PingOne auth, never under `/v1`. It provisions environments, exposes
 * the outbox, injects faults and rate limits, moves the clock, counts requests, seeds and resets.
 * One line per module (docs/emulator.md#back-door).
 */
export const backDoorModules: readonly BackDoorModule[] = [
  healthRoutes,
  environmentRoutes,
  outboxRoutes,
  faultRoutes,
  rateLimitRoutes,
  clockRoutes,
  statsRoutes,
  seedRoutes,
  resetRoutes,
];

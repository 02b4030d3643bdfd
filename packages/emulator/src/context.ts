import type { ControllableClock } from "./clock.js";
import type { EmulatorSettings } from "./settings.js";
import type { EmulatorDatabase } from "./store/database.js";

/**
 * What every route module and back-door module receives: the database, the clock and the settings.
 * Passed explicitly (no globals) so several emulators can run side by side in one test process.
 */
export interface EmulatorContext {
  db: EmulatorDatabase;
  clock: ControllableClock;
  settings: EmulatorSettings;
}

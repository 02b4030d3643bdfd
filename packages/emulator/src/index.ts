export type { FaultRule } from "./admin/fault-injector.js";
export { applySeed, SeedError, type SeedSummary } from "./admin/seed.js";
export { type BackDoorState, createEmulatorApp, type EmulatorAppHandle } from "./app.js";
export { type Clock, type ControllableClock, createManualClock, createSystemClock } from "./clock.js";
export type { EmulatorContext } from "./context.js";
export { type OutboxMessage, OutboxMessageTypes } from "./domain/outbox.js";
export { type RoleName, Roles } from "./domain/roles.js";
export { createEmulator, type Emulator, type EmulatorOptions } from "./emulator.js";
export { defaultSettings, type EmulatorSettings } from "./settings.js";

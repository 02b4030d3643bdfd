import type { EmulatorContext } from "../context.js";
import type { BackDoorState } from "../controls/back-door-state.js";
import type { EmulatorApp } from "../http/hono-env.js";

/** One concern of the `/_emulator` back door: mounts its absolute paths on the app. */
export type BackDoorModule = (app: EmulatorApp, ctx: EmulatorContext, state: BackDoorState) => void;

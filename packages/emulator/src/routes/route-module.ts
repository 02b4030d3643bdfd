import type { EmulatorContext } from "../context.js";
import type { EmulatorApp } from "../http/hono-env.js";

/** A feature's routes: mounts absolute paths (`/v1/environments/:envId/…`) on the app. */
export type RouteModule = (app: EmulatorApp, ctx: EmulatorContext) => void;

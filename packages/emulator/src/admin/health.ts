import { toIsoTimestamp } from "../clock.js";
import type { BackDoorModule } from "./back-door-module.js";

/** `GET /_emulator/health`: up, and the emulator clock's time. */
export const healthRoutes: BackDoorModule = (app, ctx) => {
  app.get("/_emulator/health", (c) => c.json({ status: "ok", now: toIsoTimestamp(ctx.clock.now()) }));
};

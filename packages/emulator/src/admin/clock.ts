import { toIsoTimestamp } from "../clock.js";
import { invalidData } from "../domain/errors.js";
import { readJsonObject } from "../http/json-body.js";
import type { BackDoorModule } from "./back-door-module.js";

/** `GET|POST /_emulator/clock`: read the emulator clock, or move it forward (never back). */
export const clockRoutes: BackDoorModule = (app, ctx) => {
  app.get("/_emulator/clock", (c) => c.json({ now: toIsoTimestamp(ctx.clock.now()) }));
  app.post("/_emulator/clock", async (c) => {
    const body = await readJsonObject(c);
    const seconds = body.advanceSeconds;
    const extra = Object.keys(body).filter((key) => key !== "advanceSeconds");
    if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds < 0 || extra.length > 0) {
      throw invalidData([
        {
          code: "INVALID_VALUE",
          target: "advanceSeconds",
          message: "must be a non-negative number of seconds",
        },
      ]);
    }
    ctx.clock.advance(seconds);
    return c.json({ now: toIsoTimestamp(ctx.clock.now()) });
  });
};

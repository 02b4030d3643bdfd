import { toIsoTimestamp } from "../clock.js";
import { invalidData } from "../domain/errors.js";
import { readJsonObject } from "../http/json-body.js";
import type { BackDoorModule } from "./back-door-module.js";

/** `GET|POST /_emulator/clock`: read the emulator clock, or move it forward (never back, never out of range). */
export const clockRoutes: BackDoorModule = (app, ctx) => {
  app.get("/_emulator/clock", (c) => c.json({ now: toIsoTimestamp(ctx.clock.now()) }));
  app.post("/_emulator/clock", async (c) => {
    const body = await readJsonObject(c);
    const seconds = body.advanceSeconds;
    const extra = Object.keys(body).filter((key) => key !== "advanceSeconds");
    if (typeof seconds !== "number" || extra.length > 0) {
      throw advanceRefused("must be a non-negative number of seconds");
    }
    try {
      ctx.clock.advance(seconds);
    } catch (error) {
      // The clock checks the range before it moves, so a refusal leaves it where it was.
      if (error instanceof RangeError) throw advanceRefused(error.message);
      throw error;
    }
    return c.json({ now: toIsoTimestamp(ctx.clock.now()) });
  });
};

function advanceRefused(message: string) {
  return invalidData([{ code: "INVALID_VALUE", target: "advanceSeconds", message }]);
}

import { deleteAllRows } from "../store/database.js";
import type { BackDoorModule } from "./back-door-module.js";

/** `POST /_emulator/reset`: every row of every table, faults, limits and counters; the clock keeps its time. */
export const resetRoutes: BackDoorModule = (app, ctx, state) => {
  app.post("/_emulator/reset", (c) => {
    deleteAllRows(ctx.db);
    state.faults.clear();
    state.rateLimiter.reset();
    state.stats.reset();
    return c.body(null, 204);
  });
};

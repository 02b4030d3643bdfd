import type { BackDoorModule } from "./back-door-module.js";

/** `GET /_emulator/stats`: PingOne calls by method, route pattern and status, and tokens issued. */
export const statsRoutes: BackDoorModule = (app, _ctx, state) => {
  app.get("/_emulator/stats", (c) => c.json(state.stats.snapshot()));
};

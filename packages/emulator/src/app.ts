import { Hono } from "hono";
import { backDoorModules } from "./admin/index.js";
import type { EmulatorContext } from "./context.js";
import { type BackDoorState, createBackDoorState } from "./controls/back-door-state.js";
import { errorHandler } from "./http/error-handler.js";
import type { EmulatorApp, EmulatorEnv } from "./http/hono-env.js";
import { unmatchedRouteHandler } from "./http/unmatched-route.js";
import { bearerAuth } from "./middleware/bearer-auth.js";
import { correlationHeaders } from "./middleware/correlation.js";
import { faultInjection } from "./middleware/fault-injection.js";
import { rateLimit } from "./middleware/rate-limit.js";
import { requestStats } from "./middleware/request-stats.js";
import { routeModules } from "./routes/index.js";
import { tokenRoutes } from "./routes/token.js";

export interface EmulatorAppHandle {
  app: EmulatorApp;
  backDoor: BackDoorState;
}

/**
 * Builds the HTTP app (usable in-process with `app.request(...)`, or served over TCP).
 * Order: response headers and error rendering wrap everything; stats, faults and the rate limiter see
 * every PingOne call; the back door needs no token; `/v1` needs a bearer token; then the route modules.
 */
export function createEmulatorApp(ctx: EmulatorContext): EmulatorAppHandle {
  const backDoor = createBackDoorState(ctx.clock);
  const app = new Hono<EmulatorEnv>();
  const onError = errorHandler(ctx.settings);
  app.onError(onError);
  app.notFound(unmatchedRouteHandler(app, onError));
  app.use("*", correlationHeaders());
  app.use("*", requestStats(backDoor.stats));
  app.use("*", faultInjection(backDoor.faults));
  app.use("*", rateLimit(backDoor.rateLimiter, ctx.clock));
  for (const mount of backDoorModules) mount(app, ctx, backDoor);
  tokenRoutes(app, ctx, backDoor.stats);
  app.use("/v1/*", bearerAuth(ctx));
  for (const mount of routeModules) mount(app, ctx);
  return { app, backDoor };
}

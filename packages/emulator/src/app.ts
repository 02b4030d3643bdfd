import { Hono } from "hono";
import { backDoorRoutes } from "./admin/back-door-routes.js";
import { FaultInjector } from "./admin/fault-injector.js";
import { RateLimiter } from "./admin/rate-limiter.js";
import { RequestStats } from "./admin/request-stats.js";
import type { EmulatorContext } from "./context.js";
import { handleError } from "./http/error-handler.js";
import type { EmulatorApp, EmulatorEnv } from "./http/hono-env.js";
import { unmatchedRouteHandler } from "./http/unmatched-route.js";
import { bearerAuth } from "./middleware/bearer-auth.js";
import { correlationHeaders } from "./middleware/correlation.js";
import { faultInjection } from "./middleware/fault-injection.js";
import { rateLimit } from "./middleware/rate-limit.js";
import { requestStats } from "./middleware/request-stats.js";
import { routeModules } from "./routes/index.js";
import { tokenRoutes } from "./routes/token.js";

/** In-memory controls of the back door (faults, limits, counters); reset with the data. */
export interface BackDoorState {
  faults: FaultInjector;
  rateLimiter: RateLimiter;
  stats: RequestStats;
}

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
  const backDoor: BackDoorState = {
    faults: new FaultInjector(),
    rateLimiter: new RateLimiter(ctx.clock),
    stats: new RequestStats(),
  };
  const app = new Hono<EmulatorEnv>();
  app.onError(handleError);
  app.notFound(unmatchedRouteHandler(app));
  app.use("*", correlationHeaders());
  app.use("*", requestStats(backDoor.stats));
  app.use("*", faultInjection(backDoor.faults));
  app.use("*", rateLimit(backDoor.rateLimiter, ctx.clock));
  backDoorRoutes(app, ctx, backDoor);
  tokenRoutes(app, ctx, backDoor.stats);
  app.use("/v1/*", bearerAuth(ctx));
  for (const mount of routeModules) mount(app, ctx);
  return { app, backDoor };
}

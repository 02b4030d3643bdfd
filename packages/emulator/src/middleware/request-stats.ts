import type { MiddlewareHandler } from "hono";
import { matchedRoutes } from "hono/route";
import type { RequestStats } from "../controls/request-stats.js";
import type { EmulatorEnv } from "../http/hono-env.js";
import { isBackDoorPath } from "./back-door-scope.js";

/** Records (method, route pattern, status) of every PingOne call; unmatched paths count as "(unmatched)". */
export function requestStats(stats: RequestStats): MiddlewareHandler<EmulatorEnv> {
  return async (c, next) => {
    if (isBackDoorPath(c.req.path)) return next();
    await next();
    const route = matchedRoutes(c).find((candidate) => candidate.method !== "ALL")?.path ?? "(unmatched)";
    stats.recordRequest(c.req.method, route, c.res.status);
  };
}

import type { MiddlewareHandler } from "hono";
import type { Clock } from "../clock.js";
import type { RateLimiter } from "../controls/rate-limiter.js";
import type { EmulatorEnv } from "../http/hono-env.js";
import { requestLimited } from "../http/pingone-error.js";
import { environmentOfPath, isBackDoorPath } from "./back-door-scope.js";

/** 429 REQUEST_LIMITED with an integer Retry-After once an environment's bucket is empty. */
export function rateLimit(limiter: RateLimiter, clock: Clock): MiddlewareHandler<EmulatorEnv> {
  return async (c, next) => {
    const environmentId = isBackDoorPath(c.req.path) ? undefined : environmentOfPath(c.req.path);
    if (environmentId !== undefined) {
      const retryAfter = limiter.take(environmentId);
      if (retryAfter > 0) throw requestLimited(retryAfter, clock.now());
    }
    await next();
  };
}

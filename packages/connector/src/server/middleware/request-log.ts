import type { MiddlewareHandler } from "hono";
import type { Logger } from "../../client/logger.js";

/**
 * One `request` log line per response: method, path, status and milliseconds. Bodies and the
 * Authorization header are never logged (docs/connector-service.md#access-log).
 */
export function requestLog(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    // pino drops the line anyway below `info`: skip the timing and the record too.
    if (!logger.isLevelEnabled("info")) return next();
    const started = performance.now();
    await next();
    logger.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      "request",
    );
  };
}

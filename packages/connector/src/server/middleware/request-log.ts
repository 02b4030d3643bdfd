import type { MiddlewareHandler } from "hono";
import type { Logger } from "../../client/logger.js";

/** What one `request` log line says of a response. */
export interface RequestLogLine {
  method: string;
  path: string;
  status: number;
}

/**
 * One `request` log line per response: method, path, status and milliseconds. Bodies and the
 * Authorization header are never logged (docs/connector-service.md#access-log). `started` is the
 * `performance.now()` reading the request arrived at; undefined when `info` is off.
 */
export function logRequest(logger: Logger, line: RequestLogLine, started: number | undefined): void {
  if (started === undefined) return;
  logger.info({ ...line, ms: Math.round((performance.now() - started) * 10) / 10 }, "request");
}

/** When timing a request for its log line is worth it: pino drops the line anyway below `info`. */
export function requestLogStart(logger: Logger): number | undefined {
  return logger.isLevelEnabled("info") ? performance.now() : undefined;
}

/** `logRequest` for every response of the Hono routes. */
export function requestLog(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = requestLogStart(logger);
    if (started === undefined) return next();
    await next();
    logRequest(logger, { method: c.req.method, path: c.req.path, status: c.res.status }, started);
  };
}

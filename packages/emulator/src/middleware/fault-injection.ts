import type { Context, MiddlewareHandler } from "hono";
import type { FaultInjector, FaultRule } from "../controls/fault-injector.js";
import { ErrorMessages } from "../domain/error-messages.js";
import { renderPingOneError } from "../http/error-handler.js";
import type { EmulatorEnv } from "../http/hono-env.js";
import { PingOneError, type PingOneErrorStatus } from "../http/pingone-error.js";
import { isBackDoorPath } from "./back-door-scope.js";

const FAULT_ERRORS: Record<number, { code: string; message: string }> = {
  400: { code: "INVALID_REQUEST", message: ErrorMessages.badRequest },
  401: { code: "ACCESS_FAILED", message: ErrorMessages.unauthorized },
  403: { code: "ACCESS_FAILED", message: ErrorMessages.forbidden },
  404: { code: "NOT_FOUND", message: ErrorMessages.notFound },
  429: { code: "REQUEST_LIMITED", message: ErrorMessages.requestLimited },
  500: { code: "UNEXPECTED_ERROR", message: ErrorMessages.unexpected },
};

function faultResponse(c: Context, rule: FaultRule, status: number): Response {
  const headers: Record<string, string> = {};
  if (rule.retryAfter !== undefined) headers["Retry-After"] = String(rule.retryAfter);
  if (rule.malformedBody === true) {
    return new Response('{"id": "', { status, headers: { ...headers, "Content-Type": "application/json" } });
  }
  const known = FAULT_ERRORS[status] ?? { code: "UNEXPECTED_ERROR", message: ErrorMessages.unexpected };
  return renderPingOneError(
    c,
    new PingOneError(status as PingOneErrorStatus, known.code, known.message, [], headers),
  );
}

function dropConnection(c: Context<EmulatorEnv>): Response {
  c.env?.incoming?.socket.destroy();
  // In-process (no socket) there is nothing to drop; answer like a gateway would.
  return new Response(null, { status: 502 });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Applies the back door's fault rules to PingOne calls (see FaultRule for the semantics). */
export function faultInjection(faults: FaultInjector): MiddlewareHandler<EmulatorEnv> {
  return async (c, next) => {
    if (isBackDoorPath(c.req.path)) return next();
    const rule = faults.take(c.req.method, c.req.path);
    if (rule === undefined) return next();
    if (rule.delayMs !== undefined && rule.delayMs > 0) await sleep(rule.delayMs);
    if (rule.when === "after") {
      await next();
      if (rule.resetConnection === true) c.res = dropConnection(c);
      else if (rule.status !== undefined) c.res = faultResponse(c, rule, rule.status);
      return;
    }
    if (rule.resetConnection === true) return dropConnection(c);
    if (rule.status !== undefined) return faultResponse(c, rule, rule.status);
    return next();
  };
}

import type { MiddlewareHandler } from "hono";
import type { BodyFailure } from "../request-scope.js";
import type { ServiceEnv } from "../service-env.js";
import { serviceError } from "../service-error.js";

/** The default largest request body, far above any capability input. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/**
 * Reads the body of every request but GET and HEAD before any route runs, and keeps it for
 * `readJson`: refused with 413 `payloadTooLarge` when it is over `maxBytes` (unread when its
 * Content-Length says so), 408 `requestTimeout` when it is still arriving at the request's
 * deadline (docs/connector-service.md#body-limit, #request-timeout).
 */
export function limitBody(maxBytes: number): MiddlewareHandler<ServiceEnv> {
  return async (c, next) => {
    const method = c.req.method;
    if (method === "GET" || method === "HEAD") return next();
    const body = await c.env.scope.readBody(maxBytes);
    if (body.ok) {
      c.set("body", body.text);
      return next();
    }
    // The unread rest of the body makes the connection unusable for a next request: close it.
    return c.json(refusal(body.failure, maxBytes), STATUS[body.failure], { Connection: "close" });
  };
}

const STATUS = { tooLarge: 413, timeout: 408, disconnected: 400 } as const;

function refusal(failure: BodyFailure, maxBytes: number) {
  switch (failure) {
    case "tooLarge":
      return serviceError("payloadTooLarge", `The request body exceeds ${maxBytes} bytes`);
    case "timeout":
      return serviceError("requestTimeout", "The request body did not arrive within the request timeout");
    case "disconnected":
      // Nobody reads this answer; it only gives the access log a status.
      return serviceError("clientClosedRequest", "The client closed the connection during the body");
  }
}

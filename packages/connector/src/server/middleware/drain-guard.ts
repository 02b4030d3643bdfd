import type { MiddlewareHandler } from "hono";
import type { ServiceLifecycle } from "../lifecycle.js";
import type { ServiceEnv } from "../service-env.js";
import { serviceError } from "../service-error.js";

/**
 * Guards a capability or action call: refused with 503 while the service drains, counted while
 * it runs so that shutdown can wait for it, and given a `signal` that aborts when the client
 * leaves or `timeoutMs` passes (docs/connector-service.md#shutdown).
 */
export function drainGuard(lifecycle: ServiceLifecycle, timeoutMs: number): MiddlewareHandler<ServiceEnv> {
  return async (c, next) => {
    if (lifecycle.draining) {
      return c.json(serviceError("shuttingDown", "The service is shutting down"), 503, {
        connection: "close",
        "retry-after": "1",
      });
    }
    lifecycle.begin();
    c.set("signal", AbortSignal.any([c.req.raw.signal, AbortSignal.timeout(timeoutMs)]));
    try {
      await next();
    } finally {
      lifecycle.end();
    }
  };
}

/** While draining, every response tells the client not to reuse the connection, so it can close. */
export function closeWhileDraining(lifecycle: ServiceLifecycle): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (lifecycle.draining) c.header("Connection", "close");
  };
}

import type { MiddlewareHandler } from "hono";
import type { ServiceLifecycle } from "../lifecycle.js";
import type { ServiceEnv } from "../service-env.js";
import { serviceError } from "../service-error.js";

/**
 * Guards a capability or action call: refused with 503 when its request arrived after the drain
 * began, and otherwise given the request's `signal`, which aborts when the client leaves or the
 * request timeout passes (docs/connector-service.md#shutdown). A request that arrived before the
 * drain is served in full, however long its body takes; shutdown waits for it.
 */
export function drainGuard(): MiddlewareHandler<ServiceEnv> {
  // Not async: a plain function that returns next()'s promise costs one promise less per call.
  return (c, next) => {
    const { scope } = c.env;
    if (scope.admitted) {
      c.set("signal", scope.signal);
      return next();
    }
    return Promise.resolve(
      c.json(serviceError("shuttingDown", "The service is shutting down"), 503, {
        connection: "close",
        "retry-after": "1",
      }),
    );
  };
}

/**
 * While draining, every response tells the client not to reuse the connection, so it can close.
 * Checked once the route has answered, so a call running when the drain begins closes too.
 */
export function closeWhileDraining(lifecycle: ServiceLifecycle): MiddlewareHandler {
  return (c, next) =>
    next().then(() => {
      if (lifecycle.draining) c.header("Connection", "close");
    });
}

import type { MiddlewareHandler } from "hono";
import type { ServiceLifecycle } from "../lifecycle.js";
import type { JsonReply } from "../reply.js";
import type { ServiceEnv } from "../service-env.js";
import { sendReply, serviceError } from "../service-error.js";

/** The answer to a call whose request arrived after the drain began. */
export const SHUTTING_DOWN: JsonReply = {
  status: 503,
  body: serviceError("shuttingDown", "The service is shutting down"),
  headers: { connection: "close", "retry-after": "1" },
};

/**
 * Guards a sign-on route: refused with 503 when its request arrived after the drain began, and
 * otherwise given the request's `signal`, which aborts when the client leaves or the request
 * timeout passes (docs/connector-service.md#shutdown). A request that arrived before the drain
 * is served in full, however long its body takes; shutdown waits for it. The call routes make
 * the same check themselves (`calls/call-handler.ts`).
 */
export function drainGuard(): MiddlewareHandler<ServiceEnv> {
  // Not async: a plain function that returns next()'s promise costs one promise less per call.
  return (c, next) => {
    const { scope } = c.env;
    if (scope.admitted) {
      c.set("signal", scope.signal);
      return next();
    }
    return Promise.resolve(sendReply(c, SHUTTING_DOWN));
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

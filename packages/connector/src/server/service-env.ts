import type { IncomingMessage, ServerResponse } from "node:http";
import type { Hono, MiddlewareHandler } from "hono";
import type { Connector } from "../connector.js";
import type { ServiceMetrics } from "./metrics.js";
import type { RequestScope } from "./request-scope.js";

/** What the HTTP adapter hands the app with each request, and what its middleware hands the routes. */
export interface ServiceEnv {
  Bindings: {
    incoming: IncomingMessage;
    outgoing: ServerResponse;
    /** The request's deadline, drain admission and abort signal (set by the HTTP server). */
    scope: RequestScope;
  };
  Variables: {
    /** Aborts when the client goes away or the request outlives the request timeout (set by `drainGuard`). */
    signal: AbortSignal;
  };
}

export type ServiceApp = Hono<ServiceEnv>;

/** What a route that runs a capability (a sign-on route) is mounted with. */
export interface GuardedRouteOptions {
  connector: Connector;
  metrics: ServiceMetrics;
  /** Runs before each sign-on: see `drainGuard`. */
  guard: MiddlewareHandler<ServiceEnv>;
}

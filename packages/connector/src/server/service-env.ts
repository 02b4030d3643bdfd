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
    /** The request body, read within the body limit (set by `limitBody`; absent for GET and HEAD). */
    body: string;
  };
}

export type ServiceApp = Hono<ServiceEnv>;

/** What the capability and action routes are mounted with. */
export interface CallRouteOptions {
  connector: Connector;
  metrics: ServiceMetrics;
  /** Runs before each call: see `drainGuard`. */
  guard: MiddlewareHandler<ServiceEnv>;
}

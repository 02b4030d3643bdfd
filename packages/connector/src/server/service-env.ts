import type { Hono, MiddlewareHandler } from "hono";
import type { Connector } from "../connector.js";
import type { ServiceMetrics } from "./metrics.js";

/** What the service's middleware hands its routes. */
export interface ServiceEnv {
  Variables: {
    /** Aborts when the client goes away or the call outlives the request timeout (set by `drainGuard`). */
    signal: AbortSignal;
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

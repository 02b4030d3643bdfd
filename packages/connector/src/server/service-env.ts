import type { Hono } from "hono";

/** What the service's middleware hands its routes. */
export interface ServiceEnv {
  Variables: {
    /** Aborts when the client goes away or the call outlives the request timeout (set by `drainGuard`). */
    signal: AbortSignal;
  };
}

export type ServiceApp = Hono<ServiceEnv>;

import type { Connector } from "../../connector.js";
import type { ServiceMetrics } from "../metrics.js";

/** One admitted call with its parsed input, as the capability and action calls receive it. */
export interface CallContext {
  connector: Connector;
  metrics: ServiceMetrics;
  /** The capability id or action name from the path. */
  name: string;
  input: unknown;
  /** Aborts when the client goes away or the request outlives the request timeout. */
  signal: AbortSignal;
  /** A query parameter's first value. */
  query(name: string): string | undefined;
}

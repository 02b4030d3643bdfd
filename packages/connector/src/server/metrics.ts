import { Counter, Histogram, Registry } from "prom-client";

export type CallKind = "capability" | "action";

/**
 * The service's Prometheus metrics, in a registry of its own (not prom-client's global one), so
 * that several services in one process, or tests, never share counters
 * (docs/connector-service.md#metrics).
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly calls: Counter<"kind" | "name" | "outcome">;
  private readonly errors: Counter<"kind" | "name" | "code">;
  private readonly latency: Histogram<"kind" | "name">;
  private readonly retries: Counter<"method" | "status">;
  private readonly tokenRequests: Counter;

  constructor() {
    const registers = [this.registry];
    this.calls = new Counter({
      name: "pingone_connector_calls_total",
      help: "Capability and action calls, by outcome (success or error)",
      labelNames: ["kind", "name", "outcome"],
      registers,
    });
    this.errors = new Counter({
      name: "pingone_connector_errors_total",
      help: "Failed capability and action calls, by error key",
      labelNames: ["kind", "name", "code"],
      registers,
    });
    this.latency = new Histogram({
      name: "pingone_connector_call_duration_seconds",
      help: "Wall time of capability and action calls, PingOne round trips included",
      labelNames: ["kind", "name"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.retries = new Counter({
      name: "pingone_connector_pingone_retries_total",
      help: "PingOne API calls retried after a transient failure (429, 5xx, network)",
      labelNames: ["method", "status"],
      registers,
    });
    this.tokenRequests = new Counter({
      name: "pingone_connector_token_requests_total",
      help: "Worker token requests sent to the PingOne token endpoint",
      registers,
    });
  }

  recordCall(kind: CallKind, name: string, seconds: number, errorCode: string | undefined): void {
    this.calls.inc({ kind, name, outcome: errorCode === undefined ? "success" : "error" });
    if (errorCode !== undefined) this.errors.inc({ kind, name, code: errorCode });
    this.latency.observe({ kind, name }, seconds);
  }

  recordRetry(method: string, status: number | undefined): void {
    this.retries.inc({ method, status: status === undefined ? "network" : String(status) });
  }

  recordTokenRequest(): void {
    this.tokenRequests.inc();
  }
}

/** Seconds elapsed since a `performance.now()` reading, for `recordCall`. */
export function secondsSince(started: number): number {
  return (performance.now() - started) / 1000;
}

import type { ConnectionCheck, Connector } from "../connector.js";

export interface ConnectionHealthOptions {
  /** A probe waits this long for the check, then reports it as still failing. Default 2 s. */
  timeoutMs?: number;
  /** A failure is reported again for this long without a new token request. Default 5 s. */
  failureTtlMs?: number;
  clock?: () => number;
}

/**
 * What `/healthz` says of the PingOne connection (docs/connector-service.md#health): the worker
 * token, cached while fresh, so a healthy probe costs nothing. One check runs at a time, a failure
 * is remembered briefly (a wrong secret must not turn every probe into a token request), and a
 * probe never waits longer than `timeoutMs` for a check still retrying.
 */
export class ConnectionHealth {
  private readonly timeoutMs: number;
  private readonly failureTtlMs: number;
  private readonly clock: () => number;
  private pending: Promise<ConnectionCheck> | undefined;
  private lastFailure: { at: number; check: ConnectionCheck } | undefined;

  constructor(
    private readonly connector: Pick<Connector, "checkConnection">,
    options: ConnectionHealthOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 2_000;
    this.failureTtlMs = options.failureTtlMs ?? 5_000;
    this.clock = options.clock ?? Date.now;
  }

  check(): Promise<ConnectionCheck> {
    if (this.lastFailure && this.clock() - this.lastFailure.at < this.failureTtlMs) {
      return Promise.resolve(this.lastFailure.check);
    }
    this.pending ??= this.connector
      .checkConnection()
      .then((check) => {
        this.lastFailure = check.ok ? undefined : { at: this.clock(), check };
        return check;
      })
      .finally(() => {
        this.pending = undefined;
      });
    return this.withinTimeout(this.pending);
  }

  private withinTimeout(pending: Promise<ConnectionCheck>): Promise<ConnectionCheck> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<ConnectionCheck>((resolve) => {
      timer = setTimeout(
        () =>
          resolve({
            ok: false,
            code: "connectionFailed",
            message: `PingOne issued no worker token within ${this.timeoutMs} ms; the check goes on`,
          }),
        this.timeoutMs,
      );
      timer.unref();
    });
    return Promise.race([pending, timedOut]).finally(() => clearTimeout(timer));
  }
}

import type { HttpMethod } from "../types.js";
import { PingOneError } from "./pingone-error.js";

export type TransportErrorCode = "TIMEOUT" | "NETWORK_ERROR" | "TLS_ERROR" | "PROXY_ERROR" | "ABORTED";

/** The call never produced an HTTP response: timeout, network, TLS, proxy, or caller abort. */
export class PingOneTransportError extends PingOneError {
  readonly method: HttpMethod;
  readonly url: string;
  /** True when a non-idempotent call may have reached PingOne and been applied. */
  readonly outcomeUnknown: boolean;
  readonly attempts: number;

  constructor(
    code: TransportErrorCode,
    init: {
      method: HttpMethod;
      url: string;
      reason: string;
      outcomeUnknown: boolean;
      attempts: number;
      cause?: unknown;
    },
  ) {
    const unknown = init.outcomeUnknown
      ? " The outcome is unknown: the request may have been applied; check before repeating it."
      : "";
    super(code, `PingOne ${init.method} ${pathOf(init.url)} failed: ${init.reason}.${unknown}`, {
      cause: init.cause,
    });
    this.method = init.method;
    this.url = init.url;
    this.outcomeUnknown = init.outcomeUnknown;
    this.attempts = init.attempts;
  }

  protected override fields(): Record<string, unknown> {
    return {
      method: this.method,
      url: this.url,
      outcomeUnknown: this.outcomeUnknown,
      attempts: this.attempts,
    };
  }
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

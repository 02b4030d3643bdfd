import { PingOneError } from "../../errors/pingone-error.js";
import type { HttpMethod } from "../types.js";

export type TransportErrorCode = "TIMEOUT" | "NETWORK_ERROR" | "TLS_ERROR" | "PROXY_ERROR" | "ABORTED";

/** The call never produced an HTTP response: timeout, network, TLS, proxy, or caller abort. */
export class PingOneTransportError extends PingOneError {
  readonly method: HttpMethod;
  readonly url: string;
  /** True when a non-idempotent call may have reached PingOne and been applied. */
  readonly outcomeUnknown: boolean;
  readonly attempts: number;
  /** The `X-Ping-External-Transaction-Id` sent, which PingOne records in its audit events. */
  readonly transactionId: string | undefined;

  constructor(
    code: TransportErrorCode,
    init: {
      method: HttpMethod;
      url: string;
      reason: string;
      outcomeUnknown: boolean;
      attempts: number;
      transactionId?: string;
      cause?: unknown;
      /** The client's registry of secrets, scrubbed from the message. */
      secrets?: Iterable<string>;
    },
  ) {
    const unknown = init.outcomeUnknown
      ? ` The outcome is unknown: the request may have been applied; check before repeating it (X-Ping-External-Transaction-Id ${init.transactionId}).`
      : "";
    super(code, `PingOne ${init.method} ${pathOf(init.url)} failed: ${init.reason}.${unknown}`, {
      cause: init.cause,
      secrets: init.secrets,
    });
    this.method = init.method;
    this.url = init.url;
    this.outcomeUnknown = init.outcomeUnknown;
    this.attempts = init.attempts;
    this.transactionId = init.transactionId;
  }

  protected override fields(): Record<string, unknown> {
    return {
      method: this.method,
      url: this.url,
      outcomeUnknown: this.outcomeUnknown,
      attempts: this.attempts,
      transactionId: this.transactionId,
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

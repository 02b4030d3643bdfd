import { PingOneError, type PingOneErrorCode } from "../errors/pingone-error.js";

export type DirectoryErrorCode = Extract<
  PingOneErrorCode,
  | "DIRECTORY_UNREACHABLE"
  | "DIRECTORY_TIMEOUT"
  | "DIRECTORY_TLS_ERROR"
  | "DIRECTORY_BIND_REFUSED"
  | "DIRECTORY_ERROR"
  | "ABORTED"
>;

/** What the connector was doing with the directory when it failed. */
export type DirectoryOperation = "connect" | "service bind" | "search" | "password check";

/**
 * A failure talking to the LDAP directory behind a gateway (docs/connector-client.md#gateway-directories):
 * unreachable, too slow, TLS refused, the service account refused, or an LDAP result the
 * operation cannot use. It names the gateway and the directory URL, never a bind password (the
 * message is scrubbed of the registered secrets when the error is built).
 */
export class DirectoryError extends PingOneError {
  readonly gatewayId: string;
  /** `ldap://host:port`: the settings refuse URLs with credentials, so it is safe to show. */
  readonly url: string;
  readonly operation: DirectoryOperation;
  /** The LDAP result code, when the server answered (49 = invalidCredentials, ...). */
  readonly ldapResultCode: number | undefined;

  constructor(
    code: DirectoryErrorCode,
    message: string,
    details: {
      gatewayId: string;
      url: string;
      operation: DirectoryOperation;
      ldapResultCode?: number;
      cause?: unknown;
      /** Secret values of this call (the password being checked) to scrub as well. */
      scrub?: readonly string[];
      secrets?: Iterable<string>;
    },
  ) {
    super(code, message, { cause: details.cause, scrub: details.scrub, secrets: details.secrets });
    this.gatewayId = details.gatewayId;
    this.url = details.url;
    this.operation = details.operation;
    this.ldapResultCode = details.ldapResultCode;
  }

  /** Timeouts are 504 and the other failures 502, as for a gateway in front of an upstream. */
  get httpStatus(): number {
    return this.code === "DIRECTORY_TIMEOUT" ? 504 : 502;
  }

  protected override fields(): Record<string, unknown> {
    return {
      gatewayId: this.gatewayId,
      url: this.url,
      operation: this.operation,
      ...(this.ldapResultCode === undefined ? {} : { ldapResultCode: this.ldapResultCode }),
    };
  }
}

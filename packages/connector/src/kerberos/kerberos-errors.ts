import { ConnectorError } from "../errors/connector-error.js";

/**
 * The client's SPNEGO token is at fault: malformed, too large, expired, replayed, for another
 * service, or from a realm that is not accepted. `details` says what was measured (the size of an
 * oversized token); it never holds the token.
 */
export class KerberosTicketError extends ConnectorError<"kerberosTicketInvalid"> {
  readonly code = "kerberosTicketInvalid";
  /** 413 for a token over the size limit, 401 otherwise. */
  readonly httpStatus: number;
  readonly details: Record<string, unknown> | undefined;

  constructor(message: string, options: { httpStatus?: number; details?: Record<string, unknown> } = {}) {
    super(message);
    this.name = "KerberosTicketError";
    this.httpStatus = options.httpStatus ?? 401;
    this.details = options.details;
  }
}

/**
 * The connector cannot validate tickets at all: no Kerberos settings, the native addon missing,
 * the keytab unreadable or without the service principal. The operator's to fix; messages never
 * name the keytab's path.
 */
export class KerberosSetupError extends ConnectorError<"kerberosUnavailable"> {
  readonly code = "kerberosUnavailable";

  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "KerberosSetupError";
  }
}

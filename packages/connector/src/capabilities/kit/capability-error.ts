import type { PingOneApiError } from "../../client/errors/api-error.js";
import { ConnectorError } from "../../errors/connector-error.js";
import type { FailureDetail } from "./result.js";

/**
 * Thrown by a handler to fail with a specific error key. With `cause` set to the PingOne error
 * behind it, the failure keeps that response's status, body and headers.
 */
export class CapabilityError extends ConnectorError {
  readonly code: string;
  readonly httpResponseCode: number;
  readonly apiError: PingOneApiError | undefined;
  /** What the connector found, for a failure with no PingOne response behind it (the size of an oversized token). */
  readonly details: FailureDetail[];

  constructor(
    code: string,
    message: string,
    options: { httpResponseCode?: number; apiError?: PingOneApiError; details?: FailureDetail[] } = {},
  ) {
    super(message);
    this.name = "CapabilityError";
    this.code = code;
    this.apiError = options.apiError;
    this.details = options.details ?? [];
    this.httpResponseCode = options.httpResponseCode ?? options.apiError?.status ?? 400;
  }
}

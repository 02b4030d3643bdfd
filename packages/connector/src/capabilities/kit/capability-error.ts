import type { PingOneApiError } from "../../client/errors/api-error.js";
import { ConnectorError } from "../../errors/connector-error.js";

/**
 * Thrown by a handler to fail with a specific error key. With `cause` set to the PingOne error
 * behind it, the failure keeps that response's status, body and headers.
 */
export class CapabilityError extends ConnectorError {
  readonly code: string;
  readonly httpResponseCode: number;
  readonly apiError: PingOneApiError | undefined;

  constructor(
    code: string,
    message: string,
    options: { httpResponseCode?: number; apiError?: PingOneApiError } = {},
  ) {
    super(message);
    this.name = "CapabilityError";
    this.code = code;
    this.apiError = options.apiError;
    this.httpResponseCode = options.httpResponseCode ?? options.apiError?.status ?? 400;
  }
}

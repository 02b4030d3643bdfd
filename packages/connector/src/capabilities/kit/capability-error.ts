import type { PingOneApiError } from "../../client/errors/api-error.js";
import type { ApiResponse } from "../../client/types.js";
import { ConnectorError } from "../../errors/connector-error.js";
import type { FailureDetail } from "./result.js";

/** The parts of a PingOne answer a failure keeps. */
export type DecidingResponse = Pick<ApiResponse, "status" | "statusText" | "headers" | "body">;

/**
 * Thrown by a handler to fail with a specific error key. With `apiError` set to the PingOne error
 * behind it, the failure keeps that response's status, body and headers; with `response`, the
 * successful PingOne answer the key was decided on (an empty user list for `noUserMatch`), which
 * the Swimlane envelope shows.
 */
export class CapabilityError extends ConnectorError {
  readonly code: string;
  readonly httpResponseCode: number;
  readonly apiError: PingOneApiError | undefined;
  readonly response: DecidingResponse | undefined;
  /** What the connector found, for a failure with no PingOne response behind it (the size of an oversized token). */
  readonly details: FailureDetail[];

  constructor(
    code: string,
    message: string,
    options: {
      httpResponseCode?: number;
      apiError?: PingOneApiError;
      response?: DecidingResponse;
      details?: FailureDetail[];
    } = {},
  ) {
    super(message);
    this.name = "CapabilityError";
    this.code = code;
    this.apiError = options.apiError;
    this.response = options.response;
    this.details = options.details ?? [];
    this.httpResponseCode = options.httpResponseCode ?? options.apiError?.status ?? 400;
  }
}

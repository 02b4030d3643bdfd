import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ErrorMessages } from "../domain/error-messages.js";
import { DomainError, type DomainErrorKind } from "../domain/errors.js";
import type { EmulatorSettings } from "../settings.js";
import { PingOneError, type PingOneErrorStatus } from "./pingone-error.js";

/** PingOne's status and top-level code for each kind of rule refusal (docs/emulator.md#error-bodies). */
const DOMAIN_ERROR_STATUS: Readonly<Record<DomainErrorKind, { status: PingOneErrorStatus; code: string }>> = {
  invalidData: { status: 400, code: "INVALID_DATA" },
  duplicate: { status: 400, code: "INVALID_DATA" },
  requestFailed: { status: 400, code: "REQUEST_FAILED" },
  notFound: { status: 404, code: "NOT_FOUND" },
  quotaExceeded: { status: 429, code: "REQUEST_LIMITED" },
  // The code is unconfirmed (docs/emulator-gateways.md#password-checks); 503 is PingOne's "general" class.
  unavailable: { status: 503, code: "SERVICE_UNAVAILABLE" },
};

/** The PingOne error a rule refusal is answered with; duplicates take the duplicateStatus setting. */
export function toPingOneError(
  error: DomainError,
  settings: Pick<EmulatorSettings, "duplicateStatus">,
): PingOneError {
  const { status, code } = DOMAIN_ERROR_STATUS[error.kind];
  const headers: Record<string, string> =
    error.retryAfterSeconds === undefined ? {} : { "Retry-After": String(error.retryAfterSeconds) };
  return new PingOneError(
    error.kind === "duplicate" ? settings.duplicateStatus : status,
    code,
    error.message,
    error.details,
    headers,
  );
}

/** Renders a PingOneError as PingOne's error body with its status and headers. */
export function renderPingOneError(c: Context, error: PingOneError): Response {
  for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
  return c.json(error.toBody(), error.status as ContentfulStatusCode);
}

export type ErrorHandler = (error: Error, c: Context) => Response;

/**
 * The app's onError: PingOne and domain errors render as PingOne's error body; anything else is an
 * emulator bug and becomes 500 UNEXPECTED_ERROR (logged with its stack, never with bodies or headers).
 */
export function errorHandler(settings: Pick<EmulatorSettings, "duplicateStatus">): ErrorHandler {
  return (error, c) => {
    if (error instanceof PingOneError) return renderPingOneError(c, error);
    if (error instanceof DomainError) return renderPingOneError(c, toPingOneError(error, settings));
    console.error(`pingone-emulator: unexpected error on ${c.req.method} ${c.req.path}:`, error);
    return renderPingOneError(c, new PingOneError(500, "UNEXPECTED_ERROR", ErrorMessages.unexpected));
  };
}

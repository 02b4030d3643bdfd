import { PingOneApiError } from "../../client/errors/api-error.js";
import { PingOneTokenError } from "../../client/errors/token-error.js";
import { PingOneTransportError } from "../../client/errors/transport-error.js";
import { PingOneConfigurationError } from "../../config/configuration-error.js";
import { DirectoryError } from "../../directory/directory-error.js";
import { PingOneError } from "../../errors/pingone-error.js";
import { scrubText } from "../../redaction/redact.js";
import { CapabilityError } from "./capability-error.js";
import { type CapabilityFailure, toOutcome } from "./result.js";

/**
 * The keys any capability can raise whatever it does: the kit adds them to every capability's
 * errors (docs/connector-capabilities.md#error-keys).
 */
export const DEFAULT_ERRORS: Readonly<Record<string, string>> = {
  invalidInput: "The input was refused before any call to PingOne.",
  accessFailed: "The worker application lacks the roles or credentials for this call.",
  connectionFailed:
    "PingOne could not be reached, or the connection failed or timed out before an answer (no HTTP status).",
  unexpectedError: "PingOne failed unexpectedly.",
};

/**
 * The error key for a PingOne error response (docs/connector-capabilities.md#error-keys): the
 * camelCase of PingOne's code, the first detail's code first, with the status classes that
 * override it. Capabilities with their own keys (checkPassword, ...) decide before this.
 */
export function errorKeyForApiError(error: PingOneApiError): string {
  const detailCodes = error.details.map((detail) => detail.code).filter((code): code is string => !!code);
  if (error.status === 401 || error.status === 403 || error.pingOneCode === "ACCESS_FAILED")
    return "accessFailed";
  if (error.status >= 500 || error.status < 400) return "unexpectedError";
  if (error.status === 404) return "notFound";
  if (error.status === 429)
    return detailCodes.includes("QUOTA_EXCEEDED") ? "quotaExceeded" : "requestLimited";
  // A duplicate is reported among other details at times; it is the one flows branch on.
  if (detailCodes.includes("UNIQUENESS_VIOLATION")) return "uniquenessViolation";
  const code = detailCodes[0] ?? error.pingOneCode;
  return code ? camelCaseOf(code) : "unexpectedError";
}

/** `INVALID_VALUE` → `invalidValue`. */
export function camelCaseOf(pingOneCode: string): string {
  const words = pingOneCode
    .toLowerCase()
    .split(/[_\s-]+/)
    .filter(Boolean);
  return words.map((word, index) => (index === 0 ? word : word[0]!.toUpperCase() + word.slice(1))).join("");
}

/** PingOne's most specific message: the first detail's, else the top-level one. */
function pingOneMessage(error: PingOneApiError): string | undefined {
  return detailMessage(error) ?? topLevelMessage(error);
}

function detailMessage(error: PingOneApiError): string | undefined {
  return error.details.find((d) => typeof d.message === "string" && d.message.length > 0)?.message;
}

function topLevelMessage(error: PingOneApiError): string | undefined {
  const body = error.body as { message?: unknown } | undefined;
  return typeof body?.message === "string" && body.message.length > 0 ? body.message : undefined;
}

/** A failure built from a PingOne error response, with the given key (or the general rule's). */
function failureFromApiError(error: PingOneApiError, code?: string, message?: string): CapabilityFailure {
  const failure: CapabilityFailure = {
    ok: false,
    code: code ?? errorKeyForApiError(error),
    message: scrubText(message ?? pingOneMessage(error) ?? error.message),
    httpResponseCode: error.status,
    details: [{ rawResponse: error.body ?? {}, statusCode: error.status }],
    response: toOutcome({
      status: error.status,
      statusText: "",
      headers: error.headers,
      body: error.body,
    }),
  };
  if (error.pingOneId) failure.pingOneId = error.pingOneId;
  if (error.correlationId) failure.correlationId = error.correlationId;
  if (error.outcomeUnknown) {
    failure.outcomeUnknown = true;
    failure.message += ` ${OUTCOME_UNKNOWN} (Correlation-Id ${error.correlationId ?? "none"})`;
  }
  return failure;
}

const OUTCOME_UNKNOWN =
  "The outcome is unknown: PingOne may have applied the change; check before repeating it.";

/**
 * Turns anything a handler throws into a failure. Configuration errors are not capability
 * failures: they are rethrown so that the caller (CLI, service) reports a usage problem.
 */
export function failureFromError(error: unknown): CapabilityFailure {
  if (error instanceof CapabilityError) {
    // PingOne's detail message is the specific one; its top-level message is generic.
    if (error.apiError) {
      return failureFromApiError(error.apiError, error.code, detailMessage(error.apiError) ?? error.message);
    }
    const failure = connectorFailure(error.code, error.message, error.httpResponseCode);
    if (error.response) failure.response = toOutcome(error.response);
    failure.details = error.details;
    return failure;
  }
  if (error instanceof PingOneApiError) return failureFromApiError(error);
  if (error instanceof PingOneConfigurationError) throw error;
  if (error instanceof PingOneTokenError) return tokenFailure(error);
  if (error instanceof PingOneTransportError) {
    // No answer came, so there is no HTTP status to report; the message names the cause.
    const failure = connectorFailure(
      error.code === "ABORTED" ? "unexpectedError" : "connectionFailed",
      error.message,
    );
    if (error.outcomeUnknown) failure.outcomeUnknown = true;
    if (error.transactionId) failure.transactionId = error.transactionId;
    return failure;
  }
  if (error instanceof DirectoryError) {
    // The directory behind a gateway failed (docs/connector-capabilities.md#gateway-directories).
    return connectorFailure("unexpectedError", error.message, error.httpStatus);
  }
  if (error instanceof PingOneError) return connectorFailure("unexpectedError", error.message);
  const reason = error instanceof Error ? error.message : String(error);
  return connectorFailure("unexpectedError", `Unexpected connector failure: ${reason}`);
}

/**
 * The token endpoint answered but issued no token (docs/connector-capabilities.md#error-keys):
 * refused credentials are `accessFailed`, with the token endpoint's own status.
 */
function tokenFailure(error: PingOneTokenError): CapabilityFailure {
  const { status } = error;
  if (status === 429) return connectorFailure("requestLimited", error.message, status);
  if (status !== undefined && status >= 400 && status < 500) {
    return connectorFailure("accessFailed", error.message, status);
  }
  return connectorFailure(
    "unexpectedError",
    error.message,
    status !== undefined && status >= 500 ? status : undefined,
  );
}

/**
 * A failure found by the connector itself, with no PingOne response behind it. Without an
 * `httpResponseCode` when PingOne gave no HTTP answer (a transport failure).
 */
export function connectorFailure(
  code: string,
  message: string,
  httpResponseCode?: number,
): CapabilityFailure {
  const failure: CapabilityFailure = { ok: false, code, message: scrubText(message), details: [] };
  if (httpResponseCode !== undefined) failure.httpResponseCode = httpResponseCode;
  return failure;
}

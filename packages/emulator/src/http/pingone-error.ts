import { ErrorMessages } from "./error-messages.js";

/** One entry of a PingOne error's `details[]`. */
export interface PingOneErrorDetail {
  code: string;
  target?: string;
  message: string;
  innerError?: Record<string, unknown>;
}

export type PingOneErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 415 | 429 | 500 | 502 | 503;

/**
 * A PingOne API error. Thrown anywhere in a route (including inside a write transaction, which then
 * rolls back) and rendered by the app's error handler as `{id, code, message, details[]}`.
 */
export class PingOneError extends Error {
  readonly status: PingOneErrorStatus;
  readonly code: string;
  readonly details: readonly PingOneErrorDetail[];
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: PingOneErrorStatus,
    code: string,
    message: string,
    details: readonly PingOneErrorDetail[] = [],
    headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "PingOneError";
    this.status = status;
    this.code = code;
    this.details = details;
    this.headers = headers;
  }

  /** The wire body; a fresh UUID `id` per rendering, as PingOne logs one per error. */
  toBody(): { id: string; code: string; message: string; details?: PingOneErrorDetail[] } {
    const body: { id: string; code: string; message: string; details?: PingOneErrorDetail[] } = {
      id: crypto.randomUUID(),
      code: this.code,
      message: this.message,
    };
    if (this.details.length > 0) body.details = [...this.details];
    return body;
  }
}

/** 400 INVALID_DATA with one detail per problem (validation, uniqueness, bad filter). */
export function invalidData(details: readonly PingOneErrorDetail[]): PingOneError {
  return new PingOneError(400, "INVALID_DATA", ErrorMessages.invalidData, details);
}

/** 400 INVALID_REQUEST: the request itself is unusable (malformed JSON, bad cursor, body too large). */
export function invalidRequest(message: string, details: readonly PingOneErrorDetail[] = []): PingOneError {
  return new PingOneError(400, "INVALID_REQUEST", message, details);
}

/** 400 REQUEST_FAILED: well-formed, but the resource's state refuses it. */
export function requestFailed(message: string, details: readonly PingOneErrorDetail[] = []): PingOneError {
  return new PingOneError(400, "REQUEST_FAILED", message, details);
}

export function invalidToken(): PingOneError {
  return new PingOneError(401, "ACCESS_FAILED", ErrorMessages.unauthorized, [
    { code: "INVALID_TOKEN", message: ErrorMessages.invalidToken },
  ]);
}

export function insufficientPermissions(
  message: string = ErrorMessages.insufficientPermissions,
): PingOneError {
  return new PingOneError(403, "ACCESS_FAILED", ErrorMessages.forbidden, [
    { code: "INSUFFICIENT_PERMISSIONS", message },
  ]);
}

export function notFound(message: string = ErrorMessages.notFound): PingOneError {
  return new PingOneError(404, "NOT_FOUND", message);
}

export function methodNotAllowed(): PingOneError {
  return new PingOneError(405, "METHOD_NOT_ALLOWED", ErrorMessages.methodNotAllowed);
}

export function unsupportedMediaType(): PingOneError {
  return new PingOneError(415, "INVALID_REQUEST", ErrorMessages.unsupportedMediaType);
}

/** 429 REQUEST_LIMITED: `Retry-After` in whole seconds, `innerError.retryAfter` as the instant (official spec). */
export function requestLimited(retryAfterSeconds: number, now: number): PingOneError {
  return new PingOneError(
    429,
    "REQUEST_LIMITED",
    ErrorMessages.requestLimited,
    [
      {
        code: "LIMIT_EXCEEDED",
        message: ErrorMessages.requestLimited,
        innerError: { retryAfter: new Date(now + retryAfterSeconds * 1000).toISOString() },
      },
    ],
    { "Retry-After": String(retryAfterSeconds) },
  );
}

/** 400 INVALID_DATA/UNIQUENESS_VIOLATION, or 409 when the duplicates setting says so. */
export function uniquenessViolation(target: string, existingId: string, status: 400 | 409): PingOneError {
  return new PingOneError(status, "INVALID_DATA", ErrorMessages.invalidData, [
    { code: "UNIQUENESS_VIOLATION", target, message: ErrorMessages.mustBeUnique, innerError: { existingId } },
  ]);
}

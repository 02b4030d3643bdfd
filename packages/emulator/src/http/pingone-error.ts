import { ErrorMessages } from "../domain/error-messages.js";
import type { PingOneErrorDetail } from "../domain/errors.js";

export type PingOneErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 415 | 429 | 500 | 502 | 503;

/**
 * A PingOne API error about the HTTP exchange itself (token, media type, body, cursor, rate limit).
 * Rules refuse with a DomainError instead; the app's error handler renders both as
 * `{id, code, message, details[]}` (docs/emulator.md#error-bodies).
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

/** 400 INVALID_REQUEST: the request itself is unusable (malformed JSON, bad cursor, body too large). */
export function invalidRequest(message: string, details: readonly PingOneErrorDetail[] = []): PingOneError {
  return new PingOneError(400, "INVALID_REQUEST", message, details);
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

export function methodNotAllowed(): PingOneError {
  return new PingOneError(405, "METHOD_NOT_ALLOWED", ErrorMessages.methodNotAllowed);
}

export function unsupportedMediaType(): PingOneError {
  return new PingOneError(415, "INVALID_REQUEST", ErrorMessages.unsupportedMediaType);
}

/**
 * 429 REQUEST_LIMITED: `Retry-After` in whole seconds, `innerError.retryAfter` as the instant (official
 * spec).
 */
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

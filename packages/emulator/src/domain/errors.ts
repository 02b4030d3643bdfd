import { ErrorMessages } from "./error-messages.js";

/** One entry of a PingOne error's `details[]` (docs/emulator.md#error-bodies). */
export interface PingOneErrorDetail {
  code: string;
  target?: string;
  message: string;
  innerError?: Record<string, unknown>;
}

/**
 * What a rule refused. The domain never picks HTTP statuses: http/error-handler.ts turns each kind
 * into PingOne's status and top-level code (and `duplicate` into the duplicateStatus setting).
 */
export type DomainErrorKind =
  | "invalidData"
  | "duplicate"
  | "requestFailed"
  | "notFound"
  | "quotaExceeded"
  | "unavailable";

/** A request the emulator's rules refuse; thrown inside a write transaction it rolls everything back. */
export class DomainError extends Error {
  readonly kind: DomainErrorKind;
  readonly details: readonly PingOneErrorDetail[];
  /** For `quotaExceeded`: the whole seconds until the quota frees up (the `Retry-After` header). */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    kind: DomainErrorKind,
    message: string,
    details: readonly PingOneErrorDetail[] = [],
    retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "DomainError";
    this.kind = kind;
    this.details = details;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** INVALID_DATA with one detail per problem (validation, references, bad filters). */
export function invalidData(details: readonly PingOneErrorDetail[]): DomainError {
  return new DomainError("invalidData", ErrorMessages.invalidData, details);
}

/** REQUEST_FAILED: well-formed, but the resource's state refuses it. */
export function requestFailed(message: string, details: readonly PingOneErrorDetail[] = []): DomainError {
  return new DomainError("requestFailed", message, details);
}

export function notFound(message: string = ErrorMessages.notFound): DomainError {
  return new DomainError("notFound", message);
}

/** The resource a lookup found, or NOT_FOUND: every `require…`/`load…` of the domain. */
export function orNotFound<T>(found: T | undefined): T {
  if (found === undefined) throw notFound();
  return found;
}

/** INVALID_DATA/UNIQUENESS_VIOLATION naming the resource that already holds the value. */
export function uniquenessViolation(target: string, existingId: string): DomainError {
  return new DomainError("duplicate", ErrorMessages.invalidData, [
    { code: "UNIQUENESS_VIOLATION", target, message: ErrorMessages.mustBeUnique, innerError: { existingId } },
  ]);
}

/** REQUEST_LIMITED/QUOTA_EXCEEDED: a per-user quota (emails) is used up for `retryAfterSeconds`. */
export function quotaExceeded(
  message: string,
  detail: PingOneErrorDetail,
  retryAfterSeconds: number,
): DomainError {
  return new DomainError("quotaExceeded", message, [detail], retryAfterSeconds);
}

/** SERVICE_UNAVAILABLE: a system the request depends on (a gateway's directory) cannot answer now. */
export function unavailable(message: string, details: readonly PingOneErrorDetail[] = []): DomainError {
  return new DomainError("unavailable", message, details);
}

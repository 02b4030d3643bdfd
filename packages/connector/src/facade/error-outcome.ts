import type { ActionInputError, UnknownActionError } from "../actions/action-errors.js";
import { CapabilityError } from "../capabilities/kit/capability-error.js";
import { ConnectorError } from "../errors/connector-error.js";
import { PingOneError } from "../errors/pingone-error.js";
import type { NoContinuationError } from "./no-continuation-error.js";
import type { UnknownCapabilityError } from "./unknown-capability-error.js";

/** The CLI's exit codes (docs/connector-service.md#exit-codes). */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** What the CLI and the service make of one failure. */
export interface ErrorOutcome {
  exitCode: ExitCode;
  httpStatus: number;
}

/** Everything the facade throws at its callers. */
export type FacadeError = RefusalError | CapabilityError | PingOneError;

/** A call refused before it ran: the caller's mistake (wrong name, wrong input). */
type RefusalError = UnknownCapabilityError | NoContinuationError | UnknownActionError | ActionInputError;

const REFUSALS: Record<RefusalError["code"], ErrorOutcome> = {
  unknownCapability: { exitCode: EXIT.usage, httpStatus: 404 },
  noContinuation: { exitCode: EXIT.usage, httpStatus: 404 },
  unknownAction: { exitCode: EXIT.usage, httpStatus: 404 },
  invalidInput: { exitCode: EXIT.usage, httpStatus: 400 },
};

/** Bad connection settings are the operator's to fix, not the caller's: a usage error, but a 500. */
const MISCONFIGURED: ErrorOutcome = { exitCode: EXIT.usage, httpStatus: 500 };

export function isFacadeError(error: unknown): error is FacadeError {
  return error instanceof ConnectorError || error instanceof PingOneError;
}

/**
 * The one mapping from a facade error to the CLI's exit code and the service's HTTP status
 * (docs/connector-service.md#http-statuses). `aborted`: the service's deadline or the client
 * cut the call short.
 */
export function errorOutcome(error: FacadeError, options: { aborted?: boolean } = {}): ErrorOutcome {
  if (error instanceof CapabilityError) return failureOutcome(error.httpResponseCode, options);
  if (error instanceof PingOneError) {
    // Token and transport failures: PingOne gave no answer of its own to pass on.
    return error.code === "CONFIGURATION_ERROR" ? MISCONFIGURED : failureOutcome(502, options);
  }
  return REFUSALS[error.code];
}

/**
 * A capability that ran and failed: exit 1, and PingOne's status when it is an error status
 * (502 when PingOne gave none), or 504 when the call was cut short.
 */
export function failureOutcome(httpResponseCode: number, options: { aborted?: boolean } = {}): ErrorOutcome {
  const status = httpResponseCode >= 400 && httpResponseCode <= 599 ? httpResponseCode : 502;
  return { exitCode: EXIT.failed, httpStatus: options.aborted ? 504 : status };
}

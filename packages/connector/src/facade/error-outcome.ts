import { ActionInputError, type UnknownActionError } from "../actions/action-errors.js";
import { CapabilityError } from "../capabilities/kit/capability-error.js";
import { failureFromError } from "../capabilities/kit/error-keys.js";
import type { CapabilityFailure } from "../capabilities/kit/result.js";
import { PingOneConfigurationError } from "../config/configuration-error.js";
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

/**
 * Failures of the service's own side of PingOne (docs/connector-service.md#http-statuses): its
 * worker credentials or roles were refused, or PingOne could not be reached. The caller's request
 * was fine, so the answer is 502, never PingOne's 401 or 403: a 401 from the service means the
 * caller's API key is wrong.
 */
const UPSTREAM_FAILURES = new Set(["accessFailed", "connectionFailed"]);

/** The outward code of invalid connection settings (the client's `CONFIGURATION_ERROR`). */
const INVALID_CONNECTION = "invalidConnection";

export function isFacadeError(error: unknown): error is FacadeError {
  return error instanceof ConnectorError || error instanceof PingOneError;
}

/**
 * The one mapping from a facade error to the CLI's exit code and the service's HTTP status
 * (docs/connector-service.md#http-statuses). `aborted`: the service's deadline or the client
 * cut the call short.
 */
export function errorOutcome(error: FacadeError, options: { aborted?: boolean } = {}): ErrorOutcome {
  if (error instanceof CapabilityError) return failureOutcome(error, options);
  if (error instanceof PingOneConfigurationError) return MISCONFIGURED;
  // Token and transport failures (an action's): classified as a capability's would be.
  if (error instanceof PingOneError) return failureOutcome(failureFromError(error), options);
  return REFUSALS[error.code];
}

/**
 * A capability that ran and failed. Input it refused is a usage error (exit 2, 400); any other
 * failure exits 1, with PingOne's status when it is an error status, 502 for a failure of the
 * service's own credentials or connection (or when PingOne gave no status), and 504 when the
 * call was cut short.
 */
export function failureOutcome(
  failure: Pick<CapabilityFailure, "code" | "httpResponseCode">,
  options: { aborted?: boolean } = {},
): ErrorOutcome {
  if (failure.code === "invalidInput") return REFUSALS.invalidInput;
  if (options.aborted) return { exitCode: EXIT.failed, httpStatus: 504 };
  const status = failure.httpResponseCode;
  const passOn =
    !UPSTREAM_FAILURES.has(failure.code) && status !== undefined && status >= 400 && status <= 599;
  return { exitCode: EXIT.failed, httpStatus: passOn ? status : 502 };
}

/** The `error` object of a facade error, as the CLI prints it and the service answers it. */
export interface ErrorBody {
  code: string;
  message: string;
  /** PingOne's HTTP status, when PingOne answered (a refused token request). */
  httpResponseCode?: number;
  problems?: ActionInputError["problems"];
  outcomeUnknown?: boolean;
  transactionId?: string;
}

/**
 * One spelling for every surface (docs/connector-service.md#error-family): what a capability
 * would report for the same failure (`accessFailed`, `connectionFailed`, ...), never the
 * client's internal codes (`TOKEN_ERROR`, `NETWORK_ERROR`).
 */
export function errorBody(error: FacadeError): ErrorBody {
  if (error instanceof ActionInputError) {
    return { code: error.code, message: error.message, problems: error.problems };
  }
  if (error instanceof PingOneConfigurationError) return { code: INVALID_CONNECTION, message: error.message };
  if (error instanceof PingOneError) {
    const failure = failureFromError(error);
    const body: ErrorBody = { code: failure.code, message: failure.message };
    if (failure.httpResponseCode !== undefined) body.httpResponseCode = failure.httpResponseCode;
    if (failure.outcomeUnknown) body.outcomeUnknown = true;
    if (failure.transactionId) body.transactionId = failure.transactionId;
    return body;
  }
  return { code: error.code, message: error.message };
}

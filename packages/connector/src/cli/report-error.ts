import { ActionInputError } from "../actions/action-errors.js";
import { EXIT, type ExitCode, errorBody, errorOutcome, isFacadeError } from "../facade/error-outcome.js";
import { type CliIo, CliUsageError, printJson } from "./io.js";
import { formatProblems } from "./problems.js";

/**
 * Reports what a command threw and returns the exit code (docs/connector-service.md#exit-codes):
 * a usage problem goes to stderr; a call that failed without a result to print (a token or
 * transport failure) prints the error itself, redacted, on stdout like any other failure.
 */
export function reportError(io: CliIo, error: unknown): ExitCode {
  if (error instanceof CliUsageError) return usage(io, error.message);
  if (!isFacadeError(error)) {
    const reason = error instanceof Error ? error.message : String(error);
    io.stderr(`pingone-connector: unexpected failure: ${reason}\n`);
    return EXIT.failed;
  }
  const { exitCode } = errorOutcome(error);
  if (exitCode === EXIT.usage) {
    return usage(
      io,
      error instanceof ActionInputError ? formatProblems(error.action, error.problems) : error.message,
    );
  }
  printJson(io, { error: errorBody(error) });
  return exitCode;
}

function usage(io: CliIo, message: string): ExitCode {
  io.stderr(`pingone-connector: ${message}\n`);
  return EXIT.usage;
}

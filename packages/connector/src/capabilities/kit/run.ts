import type { PingOneClient } from "../../client/types.js";
import type { ResolvedGatewayDirectory } from "../../config/gateway-directories.js";
import { dryRunGatewayDirectories } from "../../directory/gateway-directories.js";
import { DryRunStop, type RecordedRequest, RecordingPingOneClient } from "../../dry-run/recording-client.js";
import type { ValidationProblem } from "../../input/problem.js";
import { type ContextOptions, contextFor } from "./context.js";
import type { AnyCapabilityDefinition } from "./definition.js";
import { connectorFailure, failureFromError } from "./error-keys.js";
import { prepareInput } from "./prepare-input.js";
import type { CapabilityResult } from "./result.js";

export type RunOptions = ContextOptions;

/**
 * Runs one capability: validation first (no call is made for invalid input), then the handler,
 * with every thrown error turned into the capability's failure.
 */
export async function runCapability(
  definition: AnyCapabilityDefinition,
  input: unknown,
  client: PingOneClient,
  options: RunOptions = {},
): Promise<CapabilityResult> {
  const { value, problems } = prepareInput(definition, input);
  if (problems.length > 0) return invalidInput(problems);
  const ctx = contextFor(client, options);
  try {
    return await definition.handler(value, ctx);
  } catch (error) {
    // Every call of the run carried this id: it finds them in PingOne's audit trail.
    return { ...failureFromError(error), transactionId: ctx.transactionId };
  }
}

/** What a dry run reports: the requests the call would make, in order, secrets redacted. */
export interface DryRunReport {
  dryRun: true;
  capability: string;
  /** False when a later request would depend on a response a dry run cannot have. */
  complete: boolean;
  requests: RecordedRequest[];
  /** Why the list stops where it does, when it is not complete. */
  pendingOn?: string;
  /** Set instead of `requests` when the input is invalid or refused before any call. */
  error?: { code: string; message: string; problems?: ValidationProblem[] };
}

/**
 * Runs the handler against a recording client: nothing is sent and no token is fetched. The
 * list ends at the first request whose response the handler needs, or at its final request.
 */
export async function dryRunCapability(
  definition: AnyCapabilityDefinition,
  input: unknown,
  connection: {
    environmentId: string;
    apiUrl: string;
    gatewayDirectories?: Readonly<Record<string, ResolvedGatewayDirectory>>;
  },
  options: Omit<RunOptions, "directories"> & { userAgent?: string } = {},
): Promise<DryRunReport> {
  const report: DryRunReport = { dryRun: true, capability: definition.id, complete: false, requests: [] };
  const { value, problems } = prepareInput(definition, input);
  if (problems.length > 0) {
    const failure = invalidInput(problems);
    report.error = { code: failure.code, message: failure.message, problems };
    return report;
  }
  const client = new RecordingPingOneClient(connection, options.userAgent);
  report.requests = client.requests;
  try {
    // Directory settings are known, but a dry run never contacts a directory.
    const directories = dryRunGatewayDirectories(connection.gatewayDirectories ?? {});
    const result = await definition.handler(value, contextFor(client, { ...options, directories }));
    // A handler that finished without waiting on any call made none (or failed before one).
    report.complete = true;
    if (!result.ok) report.error = { code: result.code, message: result.message };
  } catch (error) {
    if (error instanceof DryRunStop) {
      report.complete = error.complete;
      if (!error.complete) {
        report.pendingOn = `The next request depends on the response to ${error.request.method} ${error.request.url}, which a dry run does not send.`;
      }
    } else {
      const failure = failureFromError(error);
      report.complete = true;
      report.error = { code: failure.code, message: failure.message };
    }
  }
  return report;
}

export function invalidInput(problems: ValidationProblem[]) {
  const failure = connectorFailure(
    "invalidInput",
    `Invalid input: ${problems.map((p) => `${p.path} ${p.message}`).join("; ")}`,
    400,
  );
  failure.problems = problems;
  return failure;
}

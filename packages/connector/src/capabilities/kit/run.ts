import type { PingOneClient } from "../../client/types.js";
import type { ResolvedGatewayDirectory } from "../../config/gateway-directories.js";
import { dryRunGatewayDirectories } from "../../directory/gateway-directories.js";
import { DryRunStop, type RecordedRequest, RecordingPingOneClient } from "../../dry-run/recording-client.js";
import type { ValidationProblem } from "../../input/problem.js";
import type { InputWarning } from "../../input/warning.js";
import { type ContextOptions, contextFor } from "./context.js";
import type { AnyCapabilityDefinition } from "./definition.js";
import { connectorFailure, failureFromError } from "./error-keys.js";
import { type DaVinciWrapper, type InputStep, prepareInput } from "./prepare-input.js";
import type { CapabilityResult } from "./result.js";

export type RunOptions = ContextOptions;

/**
 * One runnable step of a capability: its first step (node properties, the handler) or, for a
 * user-view capability, the continuation that takes the person's submission.
 */
export interface CapabilityStep {
  definition: AnyCapabilityDefinition;
  schema: InputStep;
  wrapper: DaVinciWrapper;
  handler: AnyCapabilityDefinition["handler"];
  continuation: boolean;
}

function firstStep(definition: AnyCapabilityDefinition): CapabilityStep {
  return {
    definition,
    schema: definition,
    wrapper: "properties",
    handler: definition.handler,
    continuation: false,
  };
}

/** The continuation of a user-view capability; undefined for a capability that shows no screen. */
export function continuationStep(definition: AnyCapabilityDefinition): CapabilityStep | undefined {
  const view = definition.userView;
  if (!view) return undefined;
  return {
    definition,
    schema: { input: view.submission },
    wrapper: "parameters",
    handler: (submission, ctx) => view.continue(submission, ctx),
    continuation: true,
  };
}

/**
 * Runs one capability: validation first (no call is made for invalid input), then the handler,
 * with every thrown error turned into the capability's failure.
 */
export function runCapability(
  definition: AnyCapabilityDefinition,
  input: unknown,
  client: PingOneClient,
  options: RunOptions = {},
): Promise<CapabilityResult> {
  return runStep(firstStep(definition), input, client, options);
}

/**
 * Runs a user-view capability's continuation with the person's submission, flat or as DaVinci's
 * `{ parameters: {...} }`, exactly as `runCapability` runs a first step.
 */
export function runContinuation(
  step: CapabilityStep,
  input: unknown,
  client: PingOneClient,
  options: RunOptions = {},
): Promise<CapabilityResult> {
  return runStep(step, input, client, options);
}

async function runStep(
  step: CapabilityStep,
  input: unknown,
  client: PingOneClient,
  options: RunOptions,
): Promise<CapabilityResult> {
  const { value, problems, warnings } = prepareInput(step.schema, input, step.wrapper);
  if (problems.length > 0) return withWarnings(invalidInput(problems), warnings);
  const ctx = contextFor(client, options);
  try {
    return withWarnings(await step.handler(value, ctx), warnings);
  } catch (error) {
    // Every call of the run carried this id: it finds them in PingOne's audit trail.
    return withWarnings({ ...failureFromError(error), transactionId: ctx.transactionId }, warnings);
  }
}

function withWarnings<R extends CapabilityResult>(result: R, warnings: InputWarning[]): R {
  return warnings.length > 0 ? { ...result, warnings } : result;
}

/** What a dry run needs of the connection: where requests would go, and the directories it never contacts. */
interface DryRunConnection {
  environmentId: string;
  apiUrl: string;
  gatewayDirectories?: Readonly<Record<string, ResolvedGatewayDirectory>>;
}

/** What a dry run reports: the requests the call would make, in order, secrets redacted. */
export interface DryRunReport {
  dryRun: true;
  capability: string;
  /** Set when the report is about a user-view capability's continuation. */
  step?: "continue";
  /** False when a later request would depend on a response a dry run cannot have. */
  complete: boolean;
  requests: RecordedRequest[];
  /** Why the list stops where it does, when it is not complete. */
  pendingOn?: string;
  /** Set instead of `requests` when the input is invalid or refused before any call. */
  error?: { code: string; message: string; problems?: ValidationProblem[] };
  /** The input properties the capability would ignore. */
  warnings: InputWarning[];
}

/**
 * Runs the handler against a recording client: nothing is sent and no token is fetched. The
 * list ends at the first request whose response the handler needs, or at its final request.
 */
export function dryRunCapability(
  definition: AnyCapabilityDefinition,
  input: unknown,
  connection: DryRunConnection,
  options: Omit<RunOptions, "directories"> & { userAgent?: string } = {},
): Promise<DryRunReport> {
  return dryRunStep(firstStep(definition), input, connection, options);
}

/** A dry run of a user-view capability's continuation. */
export function dryRunContinuation(
  step: CapabilityStep,
  input: unknown,
  connection: DryRunConnection,
  options: Omit<RunOptions, "directories"> & { userAgent?: string } = {},
): Promise<DryRunReport> {
  return dryRunStep(step, input, connection, options);
}

async function dryRunStep(
  step: CapabilityStep,
  input: unknown,
  connection: DryRunConnection,
  options: Omit<RunOptions, "directories"> & { userAgent?: string },
): Promise<DryRunReport> {
  const { value, problems, warnings } = prepareInput(step.schema, input, step.wrapper);
  const report: DryRunReport = {
    dryRun: true,
    capability: step.definition.id,
    ...(step.continuation ? { step: "continue" as const } : {}),
    complete: false,
    requests: [],
    warnings,
  };
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
    const result = await step.handler(value, contextFor(client, { ...options, directories }));
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

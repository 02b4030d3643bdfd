import { type Command, Option } from "commander";
import { prepareInput } from "../../capabilities/kit/prepare-input.js";
import type { CapabilityFailure } from "../../capabilities/kit/result.js";
import type { Connector } from "../../connector.js";
import { toDaVinciEnvelope } from "../../envelopes/davinci.js";
import { toSwimlaneEnvelope } from "../../envelopes/swimlane.js";
import { EXIT, failureOutcome } from "../../facade/error-outcome.js";
import { capabilityOrUsageError } from "../capability-argument.js";
import { addPingOneOptions, cliConnector, type PingOneCommandOptions } from "../cli-connector.js";
import { type CliIo, CliUsageError, printJson } from "../io.js";
import { readJsonArgument } from "../json-argument.js";
import { formatProblems, printWarnings } from "../problems.js";

interface InvokeOptions extends PingOneCommandOptions {
  input: string;
  format: "davinci" | "swimlane";
  dryRun?: boolean;
  continue?: boolean;
}

/**
 * `invoke <id> --input <json|@file> [--format davinci|swimlane] [--dry-run]`. Prints the
 * result on stdout; exit 1 when the capability failed, 2 for input it refused
 * (docs/connector-service.md#exit-codes). Ignored input properties are warned about on stderr
 * (and listed in the result's `warnings`).
 */
export function registerInvokeCommand(
  program: Command,
  io: CliIo,
  setExitCode: (code: number) => void,
): void {
  const command = program
    .command("invoke")
    .description("run a capability against PingOne and print its DaVinci (or Swimlane) result")
    .argument("<id>", "DaVinci capability id, e.g. checkPassword")
    .requiredOption(
      "--input <json|@file>",
      "the input, flat or DaVinci-wrapped ({properties: {...}}); @- reads stdin",
    )
    .addOption(
      new Option(
        "--format <format>",
        "davinci: {eventName, output} or {error}; swimlane: {status_code, response_headers, reason, json_body} of the PingOne response the result was decided on",
      )
        .choices(["davinci", "swimlane"])
        .default("davinci"),
    )
    .option("--dry-run", "print the HTTP requests the call would make, with secrets redacted; sends nothing")
    .option(
      "--continue",
      "continue a user-view capability (singleFactorSignOn) with the person's submission as --input, flat or {parameters: {...}}",
    );
  addPingOneOptions(command).action(async (id: string, options: InvokeOptions) => {
    const capability = capabilityOrUsageError(id);
    const input = await readJsonArgument(io, "--input", options.input);
    const continuing = options.continue === true;
    if (continuing && !capability.userView) {
      throw new CliUsageError(`--continue: ${id} shows no user view, so it has nothing to continue`);
    }
    // Input problems are reported before the connection is even looked at.
    const { problems, warnings } = continuing
      ? prepareInput({ input: capability.userView!.submission }, input, "parameters")
      : prepareInput(capability, input);
    printWarnings(io, warnings);
    if (problems.length > 0) throw new CliUsageError(formatProblems(id, problems));
    const connector = await cliConnector(io, options);
    const run = continuing
      ? connector.continue.bind(connector)
      : (connector.invoke as Connector["continue"]).bind(connector);
    try {
      if (options.dryRun) {
        const report = await run(id, input, { dryRun: true });
        if (report.error?.code === "invalidInput") throw refusedInput(id, report.error);
        printJson(io, report);
        if (report.error) setExitCode(EXIT.failed);
        return;
      }
      const result = await run(id, input);
      if (result.ok) {
        printJson(
          io,
          options.format === "swimlane" ? toSwimlaneEnvelope(result.response) : toDaVinciEnvelope(result),
        );
        return;
      }
      // Input the handler refused before any call is a usage error, like a schema problem.
      if (failureOutcome(result).exitCode === EXIT.usage) throw refusedInput(id, result);
      // Swimlane gets PingOne's answer as data whenever there was one (an empty list for
      // noUserMatch); a failure without any answer (token, network) is raised as the error.
      printJson(
        io,
        options.format === "swimlane" && result.response
          ? toSwimlaneEnvelope(result.response)
          : toDaVinciEnvelope(result),
      );
      setExitCode(EXIT.failed);
    } finally {
      await connector.close();
    }
  });
}

function refusedInput(id: string, failure: Pick<CapabilityFailure, "message" | "problems">): CliUsageError {
  if (failure.problems && failure.problems.length > 0) {
    return new CliUsageError(formatProblems(id, failure.problems));
  }
  return new CliUsageError(`invalid input for ${id}: ${failure.message}`);
}

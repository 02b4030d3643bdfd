import { type Command, Option } from "commander";
import { prepareInput } from "../../capabilities/kit/prepare-input.js";
import { toDaVinciEnvelope } from "../../envelopes/davinci.js";
import { toSwimlaneEnvelope } from "../../envelopes/swimlane.js";
import { EXIT, failureOutcome } from "../../facade/error-outcome.js";
import { capabilityOrUsageError } from "../capability-argument.js";
import { addConnectionOption, connectionFrom } from "../connection-option.js";
import { type CliIo, CliUsageError, printJson } from "../io.js";
import { readJsonArgument } from "../json-argument.js";
import { loadConnector } from "../lazy-modules.js";
import { formatProblems } from "../problems.js";

interface InvokeOptions {
  input: string;
  format: "davinci" | "swimlane";
  dryRun?: boolean;
  continue?: boolean;
  connection?: string;
}

/**
 * `invoke <id> --input <json|@file> [--format davinci|swimlane] [--dry-run]`. Prints the
 * result on stdout; exit 1 when the capability failed, 2 for input it refused.
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
        "davinci: {eventName, output} or {error}; swimlane: {status_code, response_headers, reason, json_body} of the capability's main PingOne response",
      )
        .choices(["davinci", "swimlane"])
        .default("davinci"),
    )
    .option("--dry-run", "print the HTTP requests the call would make, with secrets redacted; sends nothing")
    .option(
      "--continue",
      "continue a user-view capability (singleFactorSignOn) with the person's submission as --input, flat or {parameters: {...}}",
    );
  addConnectionOption(command).action(async (id: string, options: InvokeOptions) => {
    const capability = capabilityOrUsageError(id);
    const input = await readJsonArgument(io, "--input", options.input);
    const continuing = options.continue === true;
    if (continuing && !capability.userView) {
      throw new CliUsageError(`--continue: ${id} shows no user view, so it has nothing to continue`);
    }
    // Input problems are reported before the connection is even looked at.
    const { problems } = continuing
      ? prepareInput({ input: capability.userView!.submission }, input, "parameters")
      : prepareInput(capability, input);
    if (problems.length > 0) throw new CliUsageError(formatProblems(id, problems));
    const connector = (await loadConnector())(await connectionFrom(io, options.connection));
    const run = continuing ? connector.continue : connector.invoke;
    try {
      if (options.dryRun) {
        const report = await run(id, input, { dryRun: true });
        printJson(io, report);
        if (report.error) setExitCode(EXIT.failed);
        return;
      }
      const result = await run(id, input);
      if (options.format === "swimlane") {
        printJson(io, result.response ? toSwimlaneEnvelope(result.response) : toDaVinciEnvelope(result));
      } else {
        printJson(io, toDaVinciEnvelope(result));
      }
      if (!result.ok) setExitCode(failureOutcome(result.httpResponseCode).exitCode);
    } finally {
      await connector.close();
    }
  });
}

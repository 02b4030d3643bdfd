import { type Command, Option } from "commander";
import { ActionInputError, UnknownActionError } from "../../actions/action-errors.js";
import { ACTIONS } from "../../actions/index.js";
import { PingOneConfigurationError } from "../../config/configuration-error.js";
import {
  presentSwimlaneEnvelope,
  SWIMLANE_ENVELOPE_STYLES,
  type SwimlaneEnvelopeStyle,
} from "../../envelopes/swimlane.js";
import { PingOneError } from "../../errors/pingone-error.js";
import { addConnectionOption, connectionFrom } from "../connection-option.js";
import { type CliIo, CliUsageError, EXIT, printJson } from "../io.js";
import { readJsonArgument } from "../json-argument.js";
import { loadConnector } from "../lazy-modules.js";
import { formatProblems } from "../problems.js";

/**
 * `action <name> --input <json|@file>`: runs a Swimlane action and prints its envelope. Exit 1
 * for a 4xx/5xx answer (envelope still printed) or a token/transport failure.
 */
export function registerActionCommand(
  program: Command,
  io: CliIo,
  setExitCode: (code: number) => void,
): void {
  const command = program
    .command("action")
    .description(`run a Swimlane action (${ACTIONS.map((a) => a.name).join(", ")})`)
    .argument("<name>", "snake_case action name, e.g. get_user_by_id")
    .requiredOption(
      "--input <json|@file>",
      "input groups {path_parameters, parameters, headers, json_body}; @- reads stdin",
    )
    .addOption(
      new Option("--envelope <style>", "the envelope as a bare object, or wrapped in a one-element array")
        .choices([...SWIMLANE_ENVELOPE_STYLES])
        .default("object"),
    );
  addConnectionOption(command).action(
    async (
      name: string,
      options: { input: string; connection?: string; envelope: SwimlaneEnvelopeStyle },
    ) => {
      const input = await readJsonArgument(io, "--input", options.input);
      const connector = (await loadConnector())(await connectionFrom(io, options.connection));
      try {
        const envelope = await connector.runAction(name, input);
        printJson(io, presentSwimlaneEnvelope(envelope, options.envelope));
        if (envelope.status_code >= 400) setExitCode(EXIT.failed);
      } catch (error) {
        if (error instanceof ActionInputError) throw new CliUsageError(formatProblems(name, error.problems));
        if (error instanceof UnknownActionError || error instanceof PingOneConfigurationError) {
          throw new CliUsageError(error.message);
        }
        if (!(error instanceof PingOneError)) throw error;
        // Token and transport failures: no envelope to print, so the error itself, redacted.
        printJson(io, { error: error.toJSON() });
        setExitCode(EXIT.failed);
      } finally {
        await connector.close();
      }
    },
  );
}

import { type Command, Option } from "commander";
import { ACTIONS } from "../../actions/index.js";
import {
  presentSwimlaneEnvelope,
  SWIMLANE_ENVELOPE_STYLES,
  type SwimlaneEnvelopeStyle,
} from "../../envelopes/swimlane.js";
import { EXIT } from "../../facade/error-outcome.js";
import { actionOrUsageError } from "../capability-argument.js";
import { addPingOneOptions, cliConnector, type PingOneCommandOptions } from "../cli-connector.js";
import { type CliIo, printJson } from "../io.js";
import { readJsonArgument } from "../json-argument.js";

interface ActionOptions extends PingOneCommandOptions {
  input: string;
  envelope: SwimlaneEnvelopeStyle;
}

/**
 * `action <name> [--input <json|@file>]`: runs a Swimlane action and prints its envelope. Exit 1
 * for a 4xx/5xx answer (envelope still printed); what the action throws (unknown name, invalid
 * input, token or transport failure) is reported by `reportError` (docs/connector-service.md#exit-codes).
 */
export function registerActionCommand(
  program: Command,
  io: CliIo,
  setExitCode: (code: number) => void,
): void {
  const command = program
    .command("action")
    .description(`run a Swimlane action (${ACTIONS.map((a) => a.name).join(", ")})`)
    .argument("<name>", "snake_case action name, e.g. get_user_by_id; describe <name> shows its inputs")
    .option(
      "--input <json|@file>",
      "input groups {path_parameters, parameters, headers, json_body}; @- reads stdin; none for an action without required inputs",
      "{}",
    )
    .addOption(
      new Option("--envelope <style>", "the envelope as a bare object, or wrapped in a one-element array")
        .choices([...SWIMLANE_ENVELOPE_STYLES])
        .default("object"),
    );
  addPingOneOptions(command).action(async (name: string, options: ActionOptions) => {
    actionOrUsageError(name);
    const input = await readJsonArgument(io, "--input", options.input);
    const connector = await cliConnector(io, options);
    try {
      const envelope = await connector.runAction(name, input);
      printJson(io, presentSwimlaneEnvelope(envelope, options.envelope));
      if (envelope.status_code >= 400) setExitCode(EXIT.failed);
    } finally {
      await connector.close();
    }
  });
}

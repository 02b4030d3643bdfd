import type { Command } from "commander";
import { prepareInput } from "../../capabilities/kit/prepare-input.js";
import { capabilityOrUsageError } from "../capability-argument.js";
import { type CliIo, CliUsageError, printJson } from "../io.js";
import { readJsonArgument } from "../json-argument.js";
import { formatProblems, printWarnings } from "../problems.js";

/**
 * `validate <id> --input <json|@file>`: checks an input without calling PingOne. Ignored
 * properties are listed as warnings (stderr, and `warnings` in the JSON); they do not fail it.
 */
export function registerValidateCommand(program: Command, io: CliIo): void {
  program
    .command("validate")
    .description("check a capability input against its schema, without calling PingOne")
    .argument("<id>", "DaVinci capability id")
    .requiredOption(
      "--input <json|@file>",
      "the input, flat or DaVinci-wrapped ({properties: {...}}); @- reads stdin",
    )
    .action(async (id: string, options: { input: string }) => {
      const capability = capabilityOrUsageError(id);
      const input = await readJsonArgument(io, "--input", options.input);
      const { problems, warnings } = prepareInput(capability, input);
      printWarnings(io, warnings);
      if (problems.length > 0) throw new CliUsageError(formatProblems(id, problems));
      printJson(io, { valid: true, problems: [], warnings });
    });
}

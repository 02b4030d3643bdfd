import type { Command } from "commander";
import { capabilityOrUsageError } from "../capability-argument.js";
import { type CliIo, printJson } from "../io.js";

/** `describe <id>`: schemas, UI metadata and error keys of one capability. */
export function registerDescribeCommand(program: Command, io: CliIo): void {
  program
    .command("describe")
    .description("show a capability's input and output schemas, properties and error keys")
    .argument("<id>", "DaVinci capability id, e.g. userLookup")
    .action((id: string) => {
      const capability = capabilityOrUsageError(id);
      printJson(io, {
        id: capability.id,
        title: capability.title,
        description: capability.description,
        inputSchema: capability.input,
        outputSchema: capability.output,
        properties: capability.properties,
        errors: capability.errors,
        examples: capability.examples,
      });
    });
}

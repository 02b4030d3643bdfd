import type { Command } from "commander";
import { describeCapability } from "../../facade/capability-description.js";
import { capabilityOrUsageError } from "../capability-argument.js";
import { type CliIo, printJson } from "../io.js";

/** `describe <id>`: schemas, UI metadata and error keys of one capability. */
export function registerDescribeCommand(program: Command, io: CliIo): void {
  program
    .command("describe")
    .description("show a capability's input and output schemas, properties and error keys")
    .argument("<id>", "DaVinci capability id, e.g. userLookup")
    .action((id: string) => printJson(io, describeCapability(capabilityOrUsageError(id))));
}

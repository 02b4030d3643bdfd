import type { Command } from "commander";
import { describeAction, describeCapability } from "../../facade/capability-description.js";
import { operationOrUsageError } from "../capability-argument.js";
import { type CliIo, printJson } from "../io.js";

/**
 * `describe <id|name>`: a capability's schemas, UI metadata and error keys, or an action's PingOne
 * call and inputs (each parameter with whether it is required and its allowed values).
 */
export function registerDescribeCommand(program: Command, io: CliIo): void {
  program
    .command("describe")
    .description(
      "show a capability's or an action's inputs (required ones, allowed values), outputs and errors",
    )
    .argument("<id|name>", "DaVinci capability id (e.g. userLookup) or Swimlane action name (e.g. get_users)")
    .action((name: string) => {
      const operation = operationOrUsageError(name);
      printJson(
        io,
        operation.kind === "capability"
          ? { kind: "capability", ...describeCapability(operation.capability) }
          : { kind: "action", ...describeAction(operation.action) },
      );
    });
}

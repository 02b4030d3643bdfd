import type { Command } from "commander";
import { ACTIONS } from "../../actions/index.js";
import { CAPABILITIES } from "../../capabilities/index.js";
import { summarizeAction, summarizeCapability } from "../../facade/capability-description.js";
import { type CliIo, printJson } from "../io.js";

/**
 * `list [--json]`: the DaVinci capabilities, then the Swimlane actions. As JSON, one array whose
 * items say their `kind`, so a script can take both or filter one.
 */
export function registerListCommand(program: Command, io: CliIo): void {
  program
    .command("list")
    .description("list the DaVinci capabilities and the Swimlane actions")
    .option("--json", "print JSON (each item with its kind) instead of a table")
    .action((options: { json?: boolean }) => {
      const capabilities = CAPABILITIES.map(summarizeCapability);
      const actions = ACTIONS.map(summarizeAction);
      if (options.json) {
        printJson(io, [
          ...capabilities.map((summary) => ({ kind: "capability", ...summary })),
          ...actions.map((summary) => ({ kind: "action", ...summary })),
        ]);
        return;
      }
      const rows = [...capabilities.map((c) => c.id), ...actions.map((a) => a.name)];
      const width = Math.max(...rows.map((name) => name.length));
      const table = (entries: { name: string; title: string }[]) =>
        entries.map((entry) => `${entry.name.padEnd(width)}  ${entry.title}`).join("\n");
      io.stdout(
        [
          `DaVinci capabilities (invoke <id>):`,
          table(capabilities.map((c) => ({ name: c.id, title: c.title }))),
          "",
          `Swimlane actions (action <name>):`,
          table(actions),
          "",
          "describe <id or name> shows inputs, outputs and error keys.",
          "",
        ].join("\n"),
      );
    });
}

import type { Command } from "commander";
import { CAPABILITIES } from "../../capabilities/index.js";
import { summarizeCapability } from "../../facade/capability-description.js";
import { type CliIo, printJson } from "../io.js";

/** `list [--json]`: every capability id with its title. */
export function registerListCommand(program: Command, io: CliIo): void {
  program
    .command("list")
    .description("list the DaVinci capabilities")
    .option("--json", "print JSON instead of a table")
    .action((options: { json?: boolean }) => {
      const rows = CAPABILITIES.map(summarizeCapability);
      if (options.json) {
        printJson(io, rows);
        return;
      }
      const width = Math.max(...rows.map((row) => row.id.length));
      io.stdout(`${rows.map((row) => `${row.id.padEnd(width)}  ${row.title}`).join("\n")}\n`);
    });
}

import { Command, CommanderError } from "commander";
import { EXIT } from "../facade/error-outcome.js";
import { CONNECTOR_VERSION } from "../version.js";
import { registerActionCommand } from "./commands/action.js";
import { registerDescribeCommand } from "./commands/describe.js";
import { registerInvokeCommand } from "./commands/invoke.js";
import { registerListCommand } from "./commands/list.js";
import { registerManifestCommand } from "./commands/manifest.js";
import { registerServeCommand } from "./commands/serve.js";
import { registerSignOnCommand } from "./commands/sign-on.js";
import { registerValidateCommand } from "./commands/validate.js";
import type { CliIo } from "./io.js";
import { reportError } from "./report-error.js";

/**
 * The `pingone-connector` command. Each subcommand lives in `commands/<name>.ts` and registers
 * itself here; output goes through `io` so tests can capture it.
 */
export function createProgram(io: CliIo, setExitCode: (code: number) => void): Command {
  const program = new Command("pingone-connector")
    .description("PingOne DaVinci capabilities and Swimlane actions from the command line")
    .version(CONNECTOR_VERSION)
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout(text), writeErr: (text) => io.stderr(text) })
    .addHelpText(
      "after",
      "\nConnection: PINGONE_ENVIRONMENT_ID, PINGONE_CLIENT_ID, PINGONE_CLIENT_SECRET and PINGONE_REGION\n(or PINGONE_API_URL/PINGONE_AUTH_URL), or --connection @file.\nExit codes: 0 success, 1 the capability or action returned an error, 2 usage or validation error.",
    );
  registerListCommand(program, io);
  registerDescribeCommand(program, io);
  registerValidateCommand(program, io);
  registerInvokeCommand(program, io, setExitCode);
  registerActionCommand(program, io, setExitCode);
  registerServeCommand(program, io);
  registerSignOnCommand(program, io);
  registerManifestCommand(program, io);
  for (const command of program.commands) command.exitOverride().showHelpAfterError();
  return program;
}

/** Runs the CLI on `argv` (without node and the script) and returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = createProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; every other parse problem is a usage error.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    return reportError(io, error);
  }
}

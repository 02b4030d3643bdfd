import type { Command } from "commander";
import type { ConnectionSettings } from "../config/connection.js";
import { type CliIo, CliUsageError } from "./io.js";
import { readJsonArgument } from "./json-argument.js";

/** `--connection <json|@file>`: connection settings in either product's spelling. */
export function addConnectionOption(command: Command): Command {
  return command.option(
    "--connection <json|@file>",
    "connection settings (DaVinci envId/clientId/clientSecret/region or Swimlane url/environmentId/..., and gatewayDirectories for the LDAP gateway capabilities); missing fields come from PINGONE_* environment variables",
  );
}

/** The settings from `--connection`, or none (then every field comes from the environment). */
export async function connectionFrom(io: CliIo, value: string | undefined): Promise<ConnectionSettings> {
  if (value === undefined) return {};
  const settings = await readJsonArgument(io, "--connection", value);
  if (settings === null || typeof settings !== "object" || Array.isArray(settings)) {
    throw new CliUsageError("--connection: must be a JSON object");
  }
  return settings as ConnectionSettings;
}

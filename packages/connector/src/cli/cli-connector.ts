import type { Command } from "commander";
import type { Connector } from "../connector.js";
import { addConnectionOption, connectionFrom } from "./connection-option.js";
import type { CliIo } from "./io.js";
import { loadConnector } from "./lazy-modules.js";
import { tokenCacheDirectory, tokenCacheEnabled } from "./token-cache.js";

/** The options of every command that calls PingOne. */
export interface PingOneCommandOptions {
  connection?: string;
  tokenCache?: boolean;
}

/** `--connection` and `--token-cache`, for the commands that call PingOne. */
export function addPingOneOptions(command: Command): Command {
  return addConnectionOption(command).option(
    "--token-cache",
    "reuse the worker token across runs: a 0600 file under $XDG_CACHE_HOME/pingone-connector (or ~/.cache/pingone-connector); also PINGONE_TOKEN_CACHE=1",
  );
}

/**
 * The connector a command runs with: its connection, a logger on stderr (LOG_LEVEL, `warn` by
 * default, so retries show at `debug`), and the opt-in token cache (docs/connector-service.md#token-cache).
 */
export async function cliConnector(io: CliIo, options: PingOneCommandOptions): Promise<Connector> {
  const connection = await connectionFrom(io, options.connection);
  const { createConnector, createLogger, createFileTokenStore } = await loadConnector();
  const logger = createLogger(process.env.LOG_LEVEL || "warn");
  const tokenStore = tokenCacheEnabled(options.tokenCache, process.env)
    ? createFileTokenStore(tokenCacheDirectory(process.env), { logger })
    : undefined;
  return createConnector(connection, { client: { logger, ...(tokenStore ? { tokenStore } : {}) } });
}

import type { Command } from "commander";
import { addConnectionOption, connectionFrom } from "../connection-option.js";
import { type CliIo, CliUsageError } from "../io.js";
import { loadService } from "../lazy-modules.js";

interface ServeOptions {
  port: string;
  host: string;
  insecureNoAuth?: boolean;
  connection?: string;
  maxBodyBytes: string;
  requestTimeout: string;
}

/** `serve`: the connector as an HTTP service, until SIGTERM or SIGINT. */
export function registerServeCommand(program: Command, io: CliIo): void {
  const command = program
    .command("serve")
    .description("run the capabilities and actions as an HTTP service (routes: see GET /docs)")
    .option("--port <port>", "TCP port (0 picks a free one)", "4700")
    .option("--host <host>", "address to listen on", "127.0.0.1")
    .option(
      "--insecure-no-auth",
      "skip the API key check (loopback hosts only); otherwise PINGONE_CONNECTOR_API_KEY is required",
    )
    .option("--max-body-bytes <bytes>", "largest request body accepted", "1048576")
    .option(
      "--request-timeout <ms>",
      "bound each request, body and call included: 408 while the body arrives, 504 once the call runs",
      "60000",
    )
    .addHelpText(
      "after",
      "\nEvery route but /healthz needs Authorization: Bearer <PINGONE_CONNECTOR_API_KEY>.\nLogs are JSON on stderr (LOG_LEVEL, default info).",
    );
  addConnectionOption(command).action(async (options: ServeOptions) => {
    const port = whole(options.port, "--port", 0, 65535);
    const { createLogger, ServiceStartError, startService } = await loadService();
    const logger = createLogger();
    let service: Awaited<ReturnType<typeof startService>>;
    try {
      service = await startService({
        connection: await connectionFrom(io, options.connection),
        logger,
        port,
        host: options.host,
        apiKey: process.env.PINGONE_CONNECTOR_API_KEY,
        insecureNoAuth: options.insecureNoAuth,
        maxBodyBytes: whole(options.maxBodyBytes, "--max-body-bytes", 1, 2 ** 31),
        requestTimeoutMs: whole(options.requestTimeout, "--request-timeout", 1, 2 ** 31),
      });
    } catch (error) {
      if (error instanceof ServiceStartError) throw new CliUsageError(error.message);
      throw error;
    }
    io.stdout(`pingone-connector service listening on ${service.url} (API reference: ${service.url}/docs)\n`);
    await new Promise<void>((resolve) => {
      const stop = (signal: NodeJS.Signals) => {
        logger.info({ signal }, "shutting down: finishing in-flight calls");
        service.shutdown().then(resolve, resolve);
      };
      process.once("SIGTERM", stop);
      process.once("SIGINT", stop);
    });
    logger.info("stopped");
  });
}

function whole(value: string, flag: string, min: number, max: number): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw new CliUsageError(`${flag} must be a whole number from ${min} to ${max}, got "${value}"`);
  }
  return parsed;
}

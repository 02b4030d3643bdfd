import type { Command } from "commander";
import { resolveConnection } from "../../config/connection.js";
import { referencePagesArePublic } from "../../server/docs-access.js";
import { addConnectionOption, connectionFrom } from "../connection-option.js";
import { type CliIo, CliUsageError } from "../io.js";
import { readJsonArgument } from "../json-argument.js";
import { loadService } from "../lazy-modules.js";
import { runUntilStopped, wholeNumber } from "../run-until-stopped.js";

interface ServeOptions {
  port: string;
  host: string;
  insecureNoAuth?: boolean;
  connection?: string;
  maxBodyBytes: string;
  requestTimeout: string;
  kerberosSignOn?: string;
  signOnForm?: string;
  signOnTheme?: string;
  signOnReturnUrl?: string;
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
    .option(
      "--kerberos-sign-on <json|@file>",
      "serve GET /sign-on/kerberos (HTTP Negotiate) with this kerberosAuthentication input (gatewayId, userTypeId, ...); needs the connection's kerberos settings",
    )
    .option(
      "--sign-on-form <formId>",
      "also serve a sign-on page for people at /sign-on (no API key) with this PingOne form",
    )
    .option(
      "--sign-on-theme <themeId>",
      "the theme of the sign-on page (default: the environment's active theme)",
    )
    .option(
      "--sign-on-return-url <url>",
      "send the browser here after sign-on, with a signed outcome (needs PINGONE_CONNECTOR_SIGN_ON_SECRET)",
    )
    .addHelpText(
      "after",
      "\nEvery route but /healthz (and /sign-on and /sign-on/kerberos, when enabled) needs Authorization: Bearer <PINGONE_CONNECTOR_API_KEY>;\non a loopback host, /docs and /openapi.json open without it (a browser sends no key).\n/healthz answers 503 with the reason while PingOne issues no worker token.\nThe sign-on page's tokens are signed with PINGONE_CONNECTOR_SIGN_ON_SECRET (random per process when unset).\nLogs are JSON on stderr (LOG_LEVEL, default info).",
    );
  addConnectionOption(command).action(async (options: ServeOptions) => {
    const port = whole(options.port, "--port", 0, 65535);
    if (!options.signOnForm && (options.signOnTheme || options.signOnReturnUrl)) {
      throw new CliUsageError("--sign-on-theme and --sign-on-return-url need --sign-on-form");
    }
    // Bad or missing settings stop the service before it listens, with invoke's message (exit 2).
    const settings = await connectionFrom(io, options.connection);
    resolveConnection(settings);
    const kerberosSignOn = options.kerberosSignOn
      ? { input: await kerberosSignOnInput(io, options.kerberosSignOn) }
      : undefined;
    const { createLogger, ServiceStartError, startService } = await loadService();
    const logger = createLogger();
    let service: Awaited<ReturnType<typeof startService>>;
    try {
      service = await startService({
        connection: settings,
        logger,
        port,
        host: options.host,
        apiKey: process.env.PINGONE_CONNECTOR_API_KEY,
        insecureNoAuth: options.insecureNoAuth,
        maxBodyBytes: whole(options.maxBodyBytes, "--max-body-bytes", 1, 2 ** 31),
        requestTimeoutMs: whole(options.requestTimeout, "--request-timeout", 1, 2 ** 31),
        kerberosSignOn,
        ...(options.signOnForm
          ? {
              signOn: {
                formId: options.signOnForm,
                themeId: options.signOnTheme,
                returnUrl: options.signOnReturnUrl,
                secret: process.env.PINGONE_CONNECTOR_SIGN_ON_SECRET || undefined,
              },
            }
          : {}),
      });
    } catch (error) {
      if (error instanceof ServiceStartError) throw new CliUsageError(error.message);
      throw listenProblem(error, options.host, port) ?? error;
    }
    const reference = referencePagesArePublic(options.host)
      ? `${service.url}/docs`
      : `${service.url}/docs, with the API key`;
    io.stdout(`pingone-connector service listening on ${service.url} (API reference: ${reference})\n`);
    if (options.signOnForm) io.stdout(`Sign-on page (no API key): ${service.url}/sign-on\n`);
    await runUntilStopped(service, logger);
  });
}

/** A port that cannot be had, said with the setting that chooses another. */
function listenProblem(error: unknown, host: string, port: number): CliUsageError | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "EADDRINUSE") {
    return new CliUsageError(
      `port ${port} on ${host} is already in use: choose another with --port <port> (0 picks a free one), or stop what listens there`,
    );
  }
  if (code === "EACCES") {
    return new CliUsageError(
      `port ${port} on ${host} needs privileges: choose one above 1023 with --port <port>`,
    );
  }
  if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") {
    return new CliUsageError(`cannot listen on ${host}: not an address of this machine (--host)`);
  }
  return undefined;
}

async function kerberosSignOnInput(io: CliIo, value: string): Promise<Record<string, unknown>> {
  const input = await readJsonArgument(io, "--kerberos-sign-on", value);
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    throw new CliUsageError("--kerberos-sign-on must be a JSON object (the kerberosAuthentication input)");
  }
  return input as Record<string, unknown>;
}

function whole(value: string, flag: string, min: number, max: number): number {
  return wholeNumber(value, flag, min, max, (message) => {
    throw new CliUsageError(message);
  });
}

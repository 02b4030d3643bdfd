import { randomBytes } from "node:crypto";
import type { Command } from "commander";
import { addConnectionOption, connectionFrom } from "../connection-option.js";
import { type CliIo, CliUsageError } from "../io.js";
import { loadService } from "../lazy-modules.js";
import { openInBrowser } from "../open-in-browser.js";
import { runUntilStopped, wholeNumber } from "../run-until-stopped.js";
import { onlyForm } from "../sign-on-form-choice.js";

interface SignOnOptions {
  form?: string;
  theme?: string;
  returnUrl?: string;
  port: string;
  open?: boolean;
  connection?: string;
}

/**
 * `sign-on`: the service's sign-on page alone, on 127.0.0.1, to try a PingOne form (the
 * emulator's, for one) in a browser. The API routes stay shut behind a random key nobody is told.
 */
export function registerSignOnCommand(program: Command, io: CliIo): void {
  const command = program
    .command("sign-on")
    .description("serve the singleFactorSignOn page of a PingOne form locally and print its URL")
    .option("--form <formId>", "the PingOne form to show (default: the environment's only form)")
    .option("--theme <themeId>", "the theme to show it with (default: the environment's active theme)")
    .option(
      "--return-url <url>",
      "send the browser here after sign-on, with a signed outcome (needs PINGONE_CONNECTOR_SIGN_ON_SECRET)",
    )
    .option("--port <port>", "TCP port on 127.0.0.1 (0 picks a free one)", "4701")
    .option("--open", "open the page in the default browser")
    .addHelpText(
      "after",
      "\nFor a page in front of people, run `serve --sign-on-form <formId>` behind TLS instead.\nLogs are JSON on stderr (LOG_LEVEL, default info).",
    );
  addConnectionOption(command).action(async (options: SignOnOptions) => {
    const port = wholeNumber(options.port, "--port", 0, 65535, (message) => {
      throw new CliUsageError(message);
    });
    const connection = await connectionFrom(io, options.connection);
    const form = options.form ? { id: options.form, name: "" } : await onlyForm(connection);
    const { createLogger, ServiceStartError, startService } = await loadService();
    const logger = createLogger();
    let service: Awaited<ReturnType<typeof startService>>;
    try {
      service = await startService({
        connection,
        logger,
        port,
        host: "127.0.0.1",
        // Only the page is meant to be reachable; the API answers 401 to everyone.
        apiKey: randomBytes(32).toString("base64url"),
        signOn: {
          formId: form.id,
          themeId: options.theme,
          returnUrl: options.returnUrl,
          secret: process.env.PINGONE_CONNECTOR_SIGN_ON_SECRET || undefined,
        },
      });
    } catch (error) {
      if (error instanceof ServiceStartError) throw new CliUsageError(error.message);
      throw error;
    }
    const url = `${service.url}/sign-on`;
    io.stdout(`Sign-on page: ${url}${form.name ? ` (form "${form.name}")` : ""}\nCtrl-C stops it.\n`);
    if (options.open && !(await openInBrowser(url)))
      io.stderr(`Could not open a browser; open ${url} yourself.\n`);
    await runUntilStopped(service, logger);
  });
}

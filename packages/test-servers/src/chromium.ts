import { existsSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type Browser, chromium } from "playwright-core";

export interface ChromiumOptions {
  /** Debian's Chromium by default; Playwright's own browser download does not work offline. */
  executablePath?: string;
  /** More command-line switches, such as `--auth-server-allowlist=localhost` for SPNEGO. */
  args?: readonly string[];
  /** Added to this process's environment, such as `KRB5_CONFIG` and `KRB5CCNAME`. */
  env?: Readonly<Record<string, string>>;
  /**
   * Hosts (`--auth-server-allowlist`, such as `localhost`) whose `WWW-Authenticate: Negotiate`
   * challenges Chromium answers with SPNEGO tokens from the ticket cache of `KRB5CCNAME` in env.
   */
  authServerAllowlist?: string;
}

/**
 * Switches for a headless Chromium on a machine without a network: without the background
 * networking ones it keeps trying to reach Google's hosts. `--no-sandbox` because tests run as root.
 */
export const chromiumSwitches: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Launches headless Chromium through playwright-core. Playwright gives every launch a fresh,
 * empty `--user-data-dir` of its own and removes it on close.
 *
 * @example
 * const browser = await launchChromium({
 *   authServerAllowlist: "localhost",
 *   env: credentials.env, // KRB5_CONFIG and KRB5CCNAME from startKdc().kinit()
 * });
 * const page = await browser.newPage();
 * await browser.close();
 */
export async function launchChromium(options: ChromiumOptions = {}): Promise<Browser> {
  const executablePath = options.executablePath ?? "/usr/bin/chromium";
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium was not found at ${executablePath}: install the Debian package chromium ` +
        "(bash scripts/install-system-deps.sh installs every server the tests use)",
    );
  }
  const allowlist = options.authServerAllowlist
    ? [`--auth-server-allowlist=${options.authServerAllowlist}`]
    : [];
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    chromiumSandbox: false,
    args: [...chromiumSwitches, ...allowlist, ...(options.args ?? [])],
    env: { ...process.env, ...options.env },
  });
  if (options.authServerAllowlist) {
    try {
      await meetFirstNegotiateChallenge(browser);
    } catch (error) {
      await browser.close();
      throw error;
    }
  }
  return browser;
}

/**
 * Chromium 156 answers the first Negotiate challenge after its start with no token (its log says
 * ERR_UNSUPPORTED_AUTH_SCHEME) and every later one with a token. So a page of a throwaway server
 * on 127.0.0.1, outside the allowlist, challenges it once before any test does.
 */
async function meetFirstNegotiateChallenge(browser: Browser): Promise<void> {
  const server = createServer((_request, response) => {
    // A body, or Chromium shows an error page and the navigation fails.
    response
      .writeHead(401, { "www-authenticate": "Negotiate", "content-type": "text/plain" })
      .end("challenged");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  } finally {
    await context.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { artifactPath, launchChromium } from "pingone-test-servers";
import { pino } from "pino";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningService, startService } from "../../src/server/service.js";
import { verifySignOnOutcome } from "../../src/server/sign-on/sign-on-outcome.js";
import { createUserWithPassword, strongPassword } from "../support/capability-harness.js";
import { CONNECTOR_CLI, EMULATOR_CLI, type RunningProcess, startProcess } from "../support/cli-process.js";
import { type EmulatorEnvironment, startEmulatorEnvironment } from "../support/emulator-environment.js";
import { createForm, createTheme } from "../support/sign-on-setup.js";

const SECRET = "browser-sign-on-secret-0123456789abcdef";
const API_KEY = "browser-test-key-5e2a9c1d";

/** A page of the application the sign-on page returns to: it verifies the outcome and greets the user. */
function startReturnApp(): Promise<{ server: Server; url: string; outcomes: string[] }> {
  const outcomes: string[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const token = url.searchParams.get("signOnOutcome");
    if (token) outcomes.push(token);
    response
      .writeHead(200, { "content-type": "text/html" })
      .end("<!doctype html><title>App</title><h1>Welcome back</h1>");
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        server,
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`,
        outcomes,
      }),
    ),
  );
}

describe("the sign-on page in Chromium", () => {
  let env: EmulatorEnvironment;
  let browser: Browser;
  let service: RunningService;
  let withReturn: RunningService;
  let returnApp: Awaited<ReturnType<typeof startReturnApp>>;
  let context: BrowserContext;
  let page: Page;
  let password: string;
  let user: { id: string; username: string };
  const cspViolations: string[] = [];

  beforeAll(async () => {
    [env, browser, returnApp] = await Promise.all([
      startEmulatorEnvironment(),
      launchChromium(),
      startReturnApp(),
    ]);
    await createTheme(
      env.client,
      { name: "Acme", footer: "© Acme Corp · Privacy", buttonColor: "#0b6e4f", headingTextColor: "#0b3d2e" },
      { default: true },
    );
    const formId = await createForm(env.client);
    password = strongPassword();
    user = await createUserWithPassword(env.client, password);
    const quiet = pino({ level: "silent" });
    const options = { connection: env.connection, logger: quiet, port: 0, apiKey: API_KEY };
    [service, withReturn] = await Promise.all([
      startService({ ...options, signOn: { formId, secret: SECRET } }),
      startService({ ...options, signOn: { formId, secret: SECRET, returnUrl: returnApp.url } }),
    ]);
    // People without JavaScript must be able to sign on: the page has none to need.
    context = await browser.newContext({ javaScriptEnabled: false });
    page = await context.newPage();
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await Promise.all([service?.shutdown(), withReturn?.shutdown()]);
    await new Promise((resolve) => returnApp?.server.close(resolve));
    await env?.stop();
  });

  it("fills the form by its labels and signs on, with JavaScript off", async () => {
    await page.goto(`${service.url}/sign-on`);
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await page.screenshot({ path: artifactPath("sign-on-form.png"), fullPage: true });
    await page.getByLabel("Username").fill(user.username);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign On" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("You are signed on");
    expect(await page.getByRole("status").textContent()).toBe(`Signed on as ${user.username}.`);
    expect(page.url()).toBe(`${service.url}/sign-on`);
  });

  it("lets the browser stop an empty submit, and presses another button without filling anything", async () => {
    await page.goto(`${service.url}/sign-on`);
    await page.getByRole("button", { name: "Sign On" }).click();
    // The required fields keep the browser on the form; nothing was posted.
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Sign On");
    await page.getByRole("button", { name: "Forgot password?" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Forgot password?");
    expect(await page.locator("code").textContent()).toBe("forgotPassword");
  });

  it("announces each failed password, then the lockout, on the field it concerns", async () => {
    const target = await createUserWithPassword(env.client, password);
    await page.goto(`${service.url}/sign-on`);
    const alerts: string[] = [];
    // The emulator's Standard policy, like PingOne's, locks the password after five failures.
    for (let attempt = 0; attempt < 5; attempt++) {
      await page.getByLabel("Username").fill(target.username);
      await page.getByLabel("Password").fill(`Wrong-Passw0rd-${attempt}!`);
      await page.getByRole("button", { name: "Sign On" }).click();
      await page.getByRole("alert").waitFor();
      alerts.push((await page.getByRole("alert").textContent()) ?? "");
      expect(await page.getByLabel("Password").getAttribute("aria-describedby")).toBe("sign-on-error");
      expect(await page.getByLabel("Username").inputValue()).toBe(target.username);
      expect(await page.getByLabel("Password").inputValue()).toBe("");
    }
    expect(alerts.slice(0, 4)).toEqual(Array(4).fill("Incorrect username or password."));
    expect(alerts[4]).toMatch(/^Too many failed attempts: this account is locked/);
    expect(await page.title()).toMatch(/^Error: Too many failed attempts/);
    await page.screenshot({ path: artifactPath("sign-on-lockout.png"), fullPage: true });
  });

  it("applies the theme through its one allowed stylesheet, with no CSP violation", async () => {
    const scripted = await browser.newContext();
    try {
      const styled = await scripted.newPage();
      styled.on("console", (message) => {
        if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
      });
      await styled.goto(`${service.url}/sign-on`);
      const button = styled.getByRole("button", { name: "Sign On" });
      expect(await button.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe(
        "rgb(11, 110, 79)",
      );
      expect(await styled.locator("h1").evaluate((element) => getComputedStyle(element).color)).toBe(
        "rgb(11, 61, 46)",
      );
      expect(await styled.locator("footer").textContent()).toBe("© Acme Corp · Privacy");
      expect(cspViolations).toEqual([]);
    } finally {
      await scripted.close();
    }
  });

  it("returns to the application with a signed outcome it can verify", async () => {
    await page.goto(`${withReturn.url}/sign-on`);
    await page.getByLabel("Username").fill(user.username);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign On" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Welcome back");
    expect(page.url()).not.toContain(password);
    const claims = verifySignOnOutcome(returnApp.outcomes.at(-1), SECRET, { audience: returnApp.url });
    expect(claims).toMatchObject({ outcome: "signedOn", user: { id: user.id, username: user.username } });
  });
});

describe("pingone-connector sign-on against the emulator's demo environment", () => {
  let emulator: RunningProcess | undefined;
  let signOn: RunningProcess | undefined;
  let browser: Browser | undefined;

  afterAll(async () => {
    await browser?.close();
    await signOn?.stop();
    await emulator?.stop();
  });

  it("serves the demo form with the demo theme, and signs alice on", async () => {
    [emulator, browser] = await Promise.all([
      startProcess(EMULATOR_CLI, ["--demo", "--port", "0"], /API base:\s+\S+/),
      launchChromium(),
    ]);
    const printed = emulator.output();
    const field = (label: string) => new RegExp(`${label}:\\s+(\\S+)`).exec(printed)![1]!;
    const url = /listening on (http:\/\/\S+)/.exec(printed)![1]!;
    signOn = await startProcess(CONNECTOR_CLI, ["sign-on", "--port", "0"], /Sign-on page: (\S+)/, {
      PINGONE_ENVIRONMENT_ID: /Demo environment \(\w+\): (\S+)/.exec(printed)![1]!,
      PINGONE_CLIENT_ID: field("client id"),
      PINGONE_CLIENT_SECRET: field("client secret"),
      PINGONE_API_URL: url,
      PINGONE_AUTH_URL: url,
      LOG_LEVEL: "warn",
    });
    const pageUrl = /Sign-on page: (\S+)/.exec(signOn.output())![1]!;
    expect(signOn.output()).toContain('(form "Username and password sign-on")');
    const page = await browser.newPage({ viewport: { width: 900, height: 640 } });
    await page.goto(pageUrl);
    expect(await page.locator("footer").textContent()).toBe("PingOne Emulator demo");
    // The README's picture of the page.
    await page.screenshot({ path: artifactPath("sign-on-demo.png") });
    await page.getByLabel("Username").fill("alice");
    await page.getByLabel("Password").fill("Blue!Falcon-42");
    await page.getByRole("button", { name: "Sign On" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toBe("Signed on as alice.");
    // The API beside the page is shut: the command gave its key to nobody.
    expect((await fetch(pageUrl.replace("/sign-on", "/capabilities"))).status).toBe(401);
  });
});

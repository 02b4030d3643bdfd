import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningService, ServiceStartError, startService } from "../../src/server/service.js";
import { verifySignOnOutcome } from "../../src/server/sign-on/sign-on-outcome.js";
import { createUserWithPassword, strongPassword } from "../support/capability-harness.js";
import {
  createTestUser,
  type EmulatorEnvironment,
  startEmulatorEnvironment,
} from "../support/emulator-environment.js";
import { answer, startFakePingOne } from "../support/fake-pingone.js";
import { SignOnClient } from "../support/sign-on-client.js";
import { createForm, createTheme, disableUser, signOnFields, slateLabel } from "../support/sign-on-setup.js";

const API_KEY = "test-key-4f1c2a9b7d";
const SECRET = "sign-on-secret-0123456789abcdefghijkl";
const quiet = pino({ level: "silent" });

describe("sign-on page", () => {
  let env: EmulatorEnvironment;
  let service: RunningService;
  let formId: string;
  let password: string;
  let user: { id: string; username: string };
  let clockMs = Date.now();
  const logLines: string[] = [];
  const services: RunningService[] = [];

  const start = async (signOn: Parameters<typeof startService>[0]["signOn"], logger = quiet) => {
    const started = await startService({
      connection: env.connection,
      logger,
      port: 0,
      apiKey: API_KEY,
      signOn,
    });
    services.push(started);
    return started;
  };

  beforeAll(async () => {
    env = await startEmulatorEnvironment();
    await createTheme(
      env.client,
      {
        name: "Acme",
        footer: "© Acme Corp",
        buttonColor: "#123456",
        logoType: "IMAGE",
        logo: { href: "https://cdn.example.com/acme.png", id: "6d1c2b1a-1a44-4b1b-8a61-2d5ac6f7e8a9" },
      },
      { default: true },
    );
    formId = await createForm(env.client);
    password = strongPassword();
    user = await createUserWithPassword(env.client, password);
    service = await start(
      { formId, secret: SECRET, viewCacheSeconds: 0, now: () => clockMs },
      pino({ level: "info" }, { write: (line: string) => logLines.push(line) }),
    );
  });
  afterAll(async () => {
    await Promise.all(services.map((s) => s.shutdown()));
    await env?.stop();
  });

  it("serves the themed form without an API key, with headers fit for people, while the API keeps its key", async () => {
    const client = new SignOnClient(service.url);
    const { response, body, token } = await client.open();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    const csp = response.headers.get("content-security-policy") ?? "";
    const nonce = /style-src 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("img-src https://cdn.example.com");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe|script-src/);
    expect(body).toContain(`<style nonce="${nonce}">`);
    expect(body).not.toMatch(/<script|\sstyle=|\son[a-z]+=/i);
    expect(body).toContain('<html lang="en">');
    expect(body).toMatch(
      /<label for="username">Username<span class="mark" aria-hidden="true">\*<\/span><\/label>/,
    );
    expect(body).toMatch(/<input id="username" name="username" type="text" autocomplete="username" required/);
    expect(body).toMatch(
      /<input id="password" name="password" type="password" autocomplete="current-password" required/,
    );
    expect(body).toContain(
      '<button type="submit" class="primary" name="buttonValue" value="submit">Sign On</button>',
    );
    expect(body).toContain('value="forgotPassword" formnovalidate>Forgot password?</button>');
    expect(body).toContain('<img class="logo" src="https://cdn.example.com/acme.png" alt="Acme">');
    expect(body).toContain("<footer>© Acme Corp</footer>");
    expect(body).toContain("--button:#123456");
    expect(token).toMatch(/^\d+\.[\w-]+\.[\w-]+$/);
    const cookie = response.headers.getSetCookie().join("\n");
    expect(cookie).toMatch(/pingone_sign_on=[\w-]{43}; Max-Age=1800; Path=\/; HttpOnly; SameSite=Strict/);
    // Plain http on loopback: a Secure cookie would never come back.
    expect(cookie).not.toContain("Secure");
    expect((await fetch(`${service.url}/capabilities`)).status).toBe(401);
    expect((await fetch(`${service.url}/sign-on/other`)).status).toBe(401);
  });

  it("signs a person on, and shows who", async () => {
    const client = new SignOnClient(service.url);
    const { response, body } = await client.signOn({
      username: user.username,
      password,
      buttonValue: "submit",
    });
    expect(response.status).toBe(200);
    expect(body).toContain("<h1>You are signed on</h1>");
    expect(body).toContain(`Signed on as <strong>${user.username}</strong>`);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("answers an API client in JSON: the view with its token, then the outcome, signed", async () => {
    const client = new SignOnClient(service.url);
    const opened = await client.open("application/json");
    expect(opened.response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(JSON.parse(opened.body)).toMatchObject({
      userView: { id: "singleFactorSignOn", properties: { form: { id: formId }, theme: { name: "Acme" } } },
      csrfToken: expect.any(String),
    });
    const { response, body } = await client.submit(
      { csrf: opened.token, username: user.username, password },
      { accept: "application/json" },
    );
    expect(response.status).toBe(200);
    const outcome = JSON.parse(body) as { signedOutcome: string };
    expect(outcome).toMatchObject({
      outcome: "signedOn",
      method: "password",
      buttonValue: "submit",
      user: { id: user.id, username: user.username },
      passwordStatus: "OK",
    });
    expect(verifySignOnOutcome(outcome.signedOutcome, SECRET, { now: clockMs })).toMatchObject({
      outcome: "signedOn",
      user: { id: user.id },
      aud: `${service.url}/sign-on`,
    });
    const button = await client.submit(
      { csrf: opened.token, buttonValue: "forgotPassword" },
      { accept: "application/json" },
    );
    expect(JSON.parse(button.body)).toMatchObject({
      outcome: "buttonPressed",
      buttonValue: "forgotPassword",
    });
    expect(JSON.parse(button.body)).not.toHaveProperty("user");
  });

  it("refuses a submission without its cookie, with another cookie's token, tampered, expired or started by another site", async () => {
    const victim = await createUserWithPassword(env.client, password);
    const attempt = { username: victim.username, password: "Wrong-Passw0rd!", buttonValue: "submit" };
    const client = new SignOnClient(service.url);
    const { token } = await client.open();
    const other = new SignOnClient(service.url);
    await other.open();
    const refusals = [
      () => new SignOnClient(service.url).submit({ csrf: token, ...attempt }),
      () => client.submit({ ...attempt }),
      () => other.submit({ csrf: token, ...attempt }),
      () => client.submit({ csrf: `${token.slice(0, -2)}xx`, ...attempt }),
      () =>
        client.submit({ csrf: token.replace(/^\d+/, (expiry) => String(Number(expiry) + 3600)), ...attempt }),
      () => client.submit({ csrf: token, ...attempt }, { headers: { "sec-fetch-site": "cross-site" } }),
    ];
    for (const refusal of refusals) {
      const { response, body } = await refusal();
      expect(response.status).toBe(403);
      expect(body).toContain('role="alert"');
      expect(body).toContain("This sign-on page expired or was opened elsewhere");
    }
    const json = await new SignOnClient(service.url).submit(
      { csrf: token, ...attempt },
      { accept: "application/json" },
    );
    expect(json.response.status).toBe(403);
    expect(JSON.parse(json.body)).toMatchObject({ error: { code: "csrfRefused" } });
    clockMs += 31 * 60 * 1000;
    try {
      expect((await client.submit({ csrf: token, ...attempt })).response.status).toBe(403);
    } finally {
      clockMs -= 31 * 60 * 1000;
    }
    // None of the refused attempts reached PingOne: the password is not locked and still signs on.
    const signedOn = await new SignOnClient(service.url).signOn({ username: victim.username, password });
    expect(signedOn.body).toContain("You are signed on");
  });

  it("shows one message for a wrong password, an unknown or disabled user, and the lockout after five failures", async () => {
    const client = new SignOnClient(service.url);
    const disabled = await createUserWithPassword(env.client, password);
    await disableUser(env.client, disabled.id);
    const passwordless = await createTestUser(env.client);
    for (const username of [user.username, "no-such-person", disabled.username, passwordless.username]) {
      const { response, body } = await client.signOn({ username, password: "Wrong-Passw0rd!" });
      expect(response.status, username).toBe(400);
      expect(body).toContain(
        '<div class="alert" role="alert" id="sign-on-error">Incorrect username or password.</div>',
      );
      expect(body).toContain(`<title>Error: Incorrect username or password. - Sign On</title>`);
      expect(body).toContain(`value="${username}"`);
      expect(body).toMatch(/id="password"[^>]*aria-describedby="sign-on-error"[^>]*autofocus/);
      expect(body).not.toContain("Wrong-Passw0rd!");
    }
    const target = await createUserWithPassword(env.client, password);
    const messages: string[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      const { body } = await client.signOn({ username: target.username, password: "Wrong-Passw0rd!" });
      messages.push(/id="sign-on-error">([^<]*)</.exec(body)?.[1] ?? "");
    }
    expect(messages.slice(0, 4).every((m) => m === "Incorrect username or password.")).toBe(true);
    expect(messages[4]).toMatch(/^Too many failed attempts: this account is locked/);
    const json = await new SignOnClient(service.url).signOn(
      { username: target.username, password },
      "application/json",
    );
    expect(JSON.parse(json.body)).toMatchObject({ error: { code: "passwordLockedOut" } });
  });

  it("names the missing field, presses another button without a check, and refuses a button the form lacks", async () => {
    const client = new SignOnClient(service.url);
    const missing = await client.signOn({ username: user.username, password: "" });
    expect(missing.response.status).toBe(400);
    expect(missing.body).toContain('<p class="field-error" id="password-error">Enter your password.</p>');
    expect(missing.body).toMatch(/id="password"[^>]*aria-invalid="true" aria-describedby="password-error"/);
    const button = await client.signOn({ buttonValue: "forgotPassword" });
    expect(button.response.status).toBe(200);
    expect(button.body).toContain("<h1>Forgot password?</h1>");
    expect(button.body).toContain("<code>forgotPassword</code>");
    const unknown = await client.signOn({ buttonValue: "admin" }, "application/json");
    expect(unknown.response.status).toBe(400);
    expect(JSON.parse(unknown.body)).toMatchObject({ error: { code: "invalidInput" } });
  });

  it("takes only a form-encoded body of a sane size, and never logs or redirects with a password", async () => {
    const client = new SignOnClient(service.url);
    const { token } = await client.open();
    const json = await fetch(`${service.url}/sign-on`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: `pingone_sign_on=${client.cookie}` },
      body: JSON.stringify({ csrf: token, username: user.username, password }),
    });
    expect(json.status).toBe(415);
    const huge = await client.submit({ csrf: token, username: "x".repeat(20_000), password });
    expect(huge.response.status).toBe(413);
    await client.signOn({ username: user.username, password });
    const log = logLines.join("\n");
    expect(log).toContain('"path":"/sign-on"');
    expect(log).not.toContain(password);
    expect(log).not.toContain(user.username);
  });

  it("redirects to the return URL with a signed outcome for it, which the application verifies", async () => {
    const returnUrl = "http://127.0.0.1:9/app/callback?state=abc";
    const withReturn = await start({ formId, secret: SECRET, returnUrl });
    const client = new SignOnClient(withReturn.url);
    const opened = await client.open();
    expect(opened.response.headers.get("content-security-policy")).toContain(
      "form-action 'self' http://127.0.0.1:9",
    );
    const { response } = await client.submit({ csrf: opened.token, username: user.username, password });
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get("location")!);
    expect(`${location.origin}${location.pathname}`).toBe("http://127.0.0.1:9/app/callback");
    expect(location.searchParams.get("state")).toBe("abc");
    expect(location.href).not.toContain(password);
    const claims = verifySignOnOutcome(location.searchParams.get("signOnOutcome"), SECRET, {
      audience: returnUrl,
    });
    expect(claims).toMatchObject({ outcome: "signedOn", user: { id: user.id, username: user.username } });
    expect(() => verifySignOnOutcome(location.searchParams.get("signOnOutcome"), `${SECRET}x`)).toThrow(
      /signature/,
    );
    expect(() =>
      verifySignOnOutcome(location.searchParams.get("signOnOutcome"), SECRET, {
        audience: "https://other.example/",
      }),
    ).toThrow(/issued for/);
    expect(() =>
      verifySignOnOutcome(location.searchParams.get("signOnOutcome"), SECRET, {
        now: Date.now() + 10 * 60_000,
      }),
    ).toThrow(/expired/);
  });

  it("escapes every text PingOne gives, and loads no logo that is not http(s)", async () => {
    const { client: hostileClient, environment } = await env.provision();
    const hostile = '"><script>alert(1)</script>';
    await createTheme(
      hostileClient,
      {
        name: `Theme ${hostile}`,
        footer: `<img src=x onerror=alert(2)> ${hostile}`,
        logoType: "IMAGE",
        logo: { href: "javascript:alert(3)", id: "6d1c2b1a-1a44-4b1b-8a61-2d5ac6f7e8a9" },
        backgroundType: "IMAGE",
        backgroundImage: {
          href: 'https://img.example.com/a");}html{color:red}/*',
          id: "7d1c2b1a-1a44-4b1b-8a61-2d5ac6f7e8a9",
        },
      },
      { default: true },
    );
    const hostileForm = await createForm(
      hostileClient,
      signOnFields({ username: `User ${hostile}`, submit: `Go ${hostile}`, link: `Help ${hostile}` }).map(
        (field) =>
          field.type === "PASSWORD"
            ? { ...field, label: slateLabel(`</label><script>alert(4)</script>`) }
            : field,
      ),
      { name: `Form ${hostile}` },
    );
    const hostileService = await startService({
      connection: {
        environmentId: environment.environmentId,
        clientId: environment.clientId,
        clientSecret: environment.clientSecret,
        apiUrl: environment.apiUrl,
        authUrl: environment.authUrl,
      },
      logger: quiet,
      port: 0,
      apiKey: API_KEY,
      signOn: { formId: hostileForm },
    });
    services.push(hostileService);
    const { response, body } = await new SignOnClient(hostileService.url).open();
    expect(response.status).toBe(200);
    expect(body).not.toMatch(/<script|javascript:|<img src=x/i);
    expect(body).toContain("User &#34;&#62;&#60;script&#62;alert(1)&#60;/script&#62;");
    expect(body).toContain("&#60;/label&#62;&#60;script&#62;alert(4)&#60;/script&#62;");
    expect(body).toContain("<footer>&#60;img src=x onerror=alert(2)&#62;");
    expect(body).not.toContain('<img class="logo"');
    expect(body).toContain(
      '--background-image:url("https://img.example.com/a%22);%7Dhtml%7Bcolor:red%7D/*")',
    );
    expect(response.headers.get("content-security-policy")).toContain("img-src https://img.example.com;");
  });

  it("puts no colour into the page's CSS that is not a hex colour, whatever PingOne answers", async () => {
    const fake = await startFakePingOne();
    try {
      const formPath = `/v1/environments/${fake.environmentId}/forms/f-1`;
      fake.handlers.push(
        answer("GET", formPath, {
          status: 200,
          body: { id: "f-1", name: "Sign on", components: { fields: signOnFields() } },
        }),
        answer("GET", `/v1/environments/${fake.environmentId}/themes`, {
          status: 200,
          body: {
            _embedded: {
              themes: [
                {
                  id: "t-1",
                  default: true,
                  template: "default",
                  configuration: {
                    logoType: "NONE",
                    backgroundType: "COLOR",
                    backgroundColor: "red;}html{background:url(https://evil.example/x)}",
                    buttonColor: "#abc</style><script>alert(1)</script>",
                    cardColor: "#fafafa",
                  },
                },
              ],
            },
          },
        }),
      );
      const fakeService = await startService({
        connection: {
          environmentId: fake.environmentId,
          clientId: fake.clientId,
          clientSecret: fake.clientSecret,
          apiUrl: fake.url,
          authUrl: fake.url,
        },
        logger: quiet,
        port: 0,
        apiKey: API_KEY,
        signOn: { formId: "f-1" },
      });
      services.push(fakeService);
      const { body } = await new SignOnClient(fakeService.url).open();
      expect(body).not.toMatch(/evil\.example|<script|<\/style><script/);
      expect(body).toContain("--button:#2996cc");
      expect(body).toContain("--card:#fafafa");
      expect(body).toContain("--background:#ededed");
    } finally {
      await fake.close();
    }
  });

  it("says the page is unavailable when the form is gone, and tells the operator why", async () => {
    const lines: string[] = [];
    const broken = await start(
      { formId: "7d3c1a4e-0b5f-4c2d-9e8a-1f2b3c4d5e6f" },
      pino({ level: "info" }, { write: (line: string) => lines.push(line) }),
    );
    const { response, body } = await new SignOnClient(broken.url).open();
    expect(response.status).toBe(503);
    expect(body).toContain("<h1>Sign on is not available</h1>");
    expect(lines.join("\n")).toMatch(/"code":"notFound".*sign-on page: No form has this id/);
  });

  it("is not served unless enabled, and refuses settings that cannot work", async () => {
    const without = await start(undefined);
    expect((await fetch(`${without.url}/sign-on`)).status).toBe(401);
    const refusals: [Parameters<typeof startService>[0]["signOn"], RegExp][] = [
      [{ formId: " " }, /--sign-on-form/],
      [{ formId, returnUrl: "https://app.example.com/cb" }, /PINGONE_CONNECTOR_SIGN_ON_SECRET/],
      [{ formId, secret: SECRET, returnUrl: "http://app.example.com/cb" }, /https/],
      [{ formId, secret: SECRET, returnUrl: "/relative" }, /absolute URL/],
      [{ formId, secret: SECRET, returnUrl: "https://u:p@app.example.com/" }, /credentials/],
      [{ formId, secret: "short" }, /at least 32 characters/],
    ];
    for (const [signOn, message] of refusals) {
      await expect(start(signOn)).rejects.toThrow(ServiceStartError);
      await expect(start(signOn)).rejects.toThrow(message);
    }
  });
});

describe("singleFactorSignOn through the API", () => {
  let env: EmulatorEnvironment;
  let service: RunningService;
  beforeAll(async () => {
    env = await startEmulatorEnvironment();
    service = await startService({ connection: env.connection, logger: quiet, port: 0, apiKey: API_KEY });
  });
  afterAll(async () => {
    await service?.shutdown();
    await env?.stop();
  });
  const call = (path: string, body: unknown) =>
    fetch(`${service.url}${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${API_KEY}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });

  it("answers step 1 with sendUserView and step 2 at /continue, with every error key", async () => {
    const formId = await createForm(env.client);
    const step1 = await call("/capabilities/singleFactorSignOn", {
      properties: { singleFactorSignOnFormId: formId },
    });
    expect(step1.status).toBe(200);
    expect(await step1.json()).toMatchObject({
      action: "sendUserView",
      payload: { id: "singleFactorSignOn", properties: { form: { id: formId } } },
    });
    const password = strongPassword();
    const user = await createUserWithPassword(env.client, password);
    const step2 = await call("/capabilities/singleFactorSignOn/continue", {
      parameters: { username: user.username, password },
    });
    expect(await step2.json()).toMatchObject({
      eventName: "continue",
      output: { user: { id: user.id }, buttonValue: "submit" },
    });
    // Behind the API key, flows get the precise key the page folds into one message.
    const unknown = await call("/capabilities/singleFactorSignOn/continue", {
      username: "nobody",
      password: "x",
    });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: "noUserMatch" } });
    const dryRun = await call("/capabilities/singleFactorSignOn/continue?dryRun=true", {
      buttonValue: "help",
    });
    expect(await dryRun.json()).toMatchObject({
      dryRun: true,
      step: "continue",
      complete: true,
      requests: [],
    });
    const none = await call("/capabilities/readUser/continue", {});
    expect(none.status).toBe(404);
    expect(await none.json()).toMatchObject({ error: { code: "noContinuation" } });
    const metrics = await (
      await fetch(`${service.url}/metrics`, { headers: { authorization: `Bearer ${API_KEY}` } })
    ).text();
    expect(metrics).toMatch(
      /calls_total\{kind="capability",name="singleFactorSignOn_continue",outcome="success"\} 1/,
    );
  });

  it("describes both steps and the page in its OpenAPI document", async () => {
    const response = await fetch(`${service.url}/openapi.json`, {
      headers: { authorization: `Bearer ${API_KEY}` },
    });
    const openApi = (await response.json()) as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    expect(openApi.paths["/capabilities/singleFactorSignOn/continue"]?.post).toBeDefined();
    expect(openApi.paths["/capabilities/readUser/continue"]).toBeUndefined();
    expect(openApi.paths["/sign-on"]?.get?.security).toEqual([]);
    expect(openApi.paths["/sign-on"]?.post?.security).toEqual([]);
  });
});

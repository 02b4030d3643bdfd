import {
  artifactPath,
  type Kdc,
  type KerberosCredentials,
  launchChromium,
  type Slapd,
  startKdc,
  startSlapd,
  userEntry,
} from "pingone-test-servers";
import { pino } from "pino";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningService, ServiceStartError, startService } from "../../src/server/service.js";
import { createPopulationViaApi } from "../support/directory-setup.js";
import { type EmulatorEnvironment, startEmulatorEnvironment } from "../support/emulator-environment.js";
import { createLdapGatewayViaApi, directorySettingFor, type TestGateway } from "../support/gateway-setup.js";
import { spnegoToken } from "../support/kerberos-client.js";

/**
 * The service's Negotiate route with a real browser: Chromium holding a kinit ticket cache of a
 * real MIT KDC answers the route's challenge with a SPNEGO token by itself; the service validates
 * it with the KDC's keytab, finds the principal in a real slapd and the user in the emulator.
 */

const PEOPLE = "ou=people,dc=example,dc=com";
const API_KEY = "kerberos-test-key-7c2d9e";

let kdc: Kdc;
let slapd: Slapd;
let env: EmulatorEnvironment;
let gateway: TestGateway;
let service: RunningService;
let alice: KerberosCredentials;
let carol: KerberosCredentials;
const logLines: string[] = [];
const tokensSent: string[] = [];
const browsers: Browser[] = [];

/** The route on `localhost`: the host of the service principal HTTP/localhost, and of the allowlist. */
const signOnUrl = () => `${service.url.replace("127.0.0.1", "localhost")}/sign-on/kerberos`;

async function users(username: string): Promise<{ id: string; username: string }[]> {
  const response = await env.client.request<{ _embedded: { users: { id: string; username: string }[] } }>({
    method: "GET",
    path: `/environments/${env.environment.environmentId}/users`,
    query: { filter: `username eq "${username}"` },
  });
  return response.body._embedded.users;
}

beforeAll(async () => {
  [kdc, slapd, env] = await Promise.all([
    startKdc({
      principals: [
        { name: "alice", password: "alice-pw" },
        { name: "bob", password: "bob-pw" },
        { name: "carol", password: "carol-pw" },
      ],
    }),
    startSlapd({
      baseDns: [PEOPLE],
      entries: [
        userEntry(PEOPLE, {
          uid: "alice",
          givenName: "Alice",
          sn: "Archer",
          mail: "alice@example.com",
          password: "d-1",
        }),
        userEntry(PEOPLE, {
          uid: "bob",
          givenName: "Bob",
          sn: "Baker",
          mail: "bob@example.com",
          password: "d-2",
        }),
      ],
    }),
    startEmulatorEnvironment(),
  ]);
  const populationId = (await createPopulationViaApi(env.client)).id;
  gateway = await createLdapGatewayViaApi(
    env.client,
    slapd,
    [{ name: "People", searchBaseDn: PEOPLE, passwordAuthority: "LDAP", newUserLookup: { populationId } }],
    { kerberos: true },
  );
  service = await startService({
    connection: {
      ...env.connection,
      gatewayDirectories: { [gateway.id]: directorySettingFor(slapd) },
      kerberos: { keytab: kdc.keytabPath, servicePrincipal: kdc.servicePrincipal },
    },
    logger: pino({ level: "info" }, { write: (line: string) => logLines.push(line) }),
    port: 0,
    apiKey: API_KEY,
    kerberosSignOn: { input: { gatewayId: gateway.id, userTypeId: gateway.userTypeIds.People } },
    // The password sign-on page beside it: the Kerberos pages offer it when Kerberos fails.
    signOn: { formId: "password-form" },
  });
  [alice, carol] = await Promise.all([kdc.kinit("alice", "alice-pw"), kdc.kinit("carol", "carol-pw")]);
});

afterAll(async () => {
  await Promise.all(browsers.map((browser) => browser.close()));
  await service?.shutdown();
  await Promise.all([env?.stop(), slapd?.stop(), kdc?.stop()]);
});

describe("GET /sign-on/kerberos", () => {
  it("signs on Chromium's user with the ticket from its kinit cache, importing the user at the first visit", async () => {
    const browser = await launchChromium({ authServerAllowlist: "localhost", env: alice.env });
    browsers.push(browser);
    const page = await browser.newPage();
    const response = await page.goto(signOnUrl());
    expect(response?.status()).toBe(200);
    expect(await page.textContent("h1")).toBe("Signed on");
    const facts = await page.locator("dl").innerText();
    expect(facts).toContain("alice@EXAMPLE.COM");
    expect(facts).toContain("alice@example.com");
    expect(response?.headers()["cache-control"]).toBe("no-store");
    expect(response?.headers()["content-security-policy"]).toContain("default-src 'none'");
    await page.screenshot({ path: artifactPath("kerberos-sign-on.png") });

    const [created] = await users("alice");
    expect(created).toBeDefined();
    expect(facts).toContain(created!.id);

    // A second visit makes a new token and finds the same user.
    const again = await page.reload();
    expect(again?.status()).toBe(200);
    expect(await users("alice")).toHaveLength(1);
  });

  it("answers a browser without a ticket with the Negotiate challenge and a page saying so", async () => {
    const empty = { ...alice.env, KRB5CCNAME: `FILE:${kdc.directory}/no-such-ccache` };
    const browser = await launchChromium({ authServerAllowlist: "localhost", env: empty });
    browsers.push(browser);
    const page = await browser.newPage();
    const response = await page.goto(signOnUrl());
    expect(response?.status()).toBe(401);
    expect(response?.headers()["www-authenticate"]).toBe("Negotiate");
    expect(await page.textContent("h1")).toBe("Kerberos sign-on");
    expect(await page.textContent("[role=alert]")).toContain("sent none");
    expect(await page.getAttribute("a", "href")).toBe("/sign-on");
  });

  it("answers an API client with the challenge, then the DaVinci result for its token", async () => {
    const challenge = await fetch(signOnUrl());
    expect(challenge.status).toBe(401);
    expect(challenge.headers.get("www-authenticate")).toBe("Negotiate");
    expect(challenge.headers.get("cache-control")).toBe("no-store");
    expect(await challenge.json()).toMatchObject({
      error: { code: "kerberosTicketMissing", httpResponseCode: 401 },
    });

    // bob is in the directory and not yet in PingOne: the route's input creates users.
    const bob = await kdc.kinit("bob", "bob-pw");
    const token = await spnegoToken(bob);
    tokensSent.push(token);
    const signedOn = await fetch(signOnUrl(), { headers: { authorization: `Negotiate ${token}` } });
    expect(signedOn.status).toBe(200);
    const body = (await signedOn.json()) as {
      eventName: string;
      output: { user: { username: string; email: string }; kerberosPrincipal: string; userCreated: boolean };
    };
    expect(body).toMatchObject({
      eventName: "continue",
      output: {
        user: { username: "bob", email: "bob@example.com" },
        kerberosPrincipal: "bob@EXAMPLE.COM",
        userCreated: true,
      },
    });
  });

  it("refuses garbage and a replayed token as kerberosTicketInvalid (401, challenge restated), and an oversized one with its size (413), never a 5xx", async () => {
    const garbage = await fetch(signOnUrl(), { headers: { authorization: "Negotiate %%%not-base64%%%" } });
    expect(garbage.status).toBe(401);
    expect(garbage.headers.get("www-authenticate")).toBe("Negotiate");
    expect(await garbage.json()).toMatchObject({ error: { code: "kerberosTicketInvalid" } });

    const token = await spnegoToken(alice);
    tokensSent.push(token);
    expect((await fetch(signOnUrl(), { headers: { authorization: `Negotiate ${token}` } })).status).toBe(200);
    const replay = await fetch(signOnUrl(), { headers: { authorization: `Negotiate ${token}` } });
    expect(replay.status).toBe(401);
    expect(((await replay.json()) as { error: { message: string } }).error.message).toMatch(/replay/i);

    // Over Node's default 16 KiB header limit, which the route raises for the largest token it takes.
    const huge = await fetch(signOnUrl(), { headers: { authorization: `Negotiate ${"A".repeat(70_000)}` } });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({
      error: {
        code: "kerberosTicketInvalid",
        details: [{ rawResponse: { tokenLength: 70_000, maxTokenLength: 65_536 }, statusCode: 413 }],
      },
    });
  });

  it("is noUserMatch (404) for a valid ticket of a principal the directory does not have, as a page for a browser", async () => {
    const token = await spnegoToken(carol);
    tokensSent.push(token);
    const response = await fetch(signOnUrl(), {
      headers: {
        authorization: `Negotiate ${token}`,
        accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8",
      },
    });
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("text/html");
    const html = await response.text();
    expect(html).toContain("Sign-on failed");
    expect(html).toContain("carol@EXAMPLE.COM");
    expect(html).toContain('href="/sign-on"');
    expect(html).not.toMatch(/<script/i);
  });

  it("is reachable without the API key, which every other route still needs, and is in the OpenAPI document", async () => {
    expect((await fetch(`${service.url}/capabilities`)).status).toBe(401);
    const openApi = await fetch(`${service.url}/openapi.json`, {
      headers: { authorization: `Bearer ${API_KEY}` },
    });
    expect(openApi.status).toBe(200);
    const document = (await openApi.json()) as {
      paths: Record<
        string,
        { get?: { security: unknown; responses: Record<string, { headers?: unknown }> } }
      >;
    };
    const operation = document.paths["/sign-on/kerberos"]?.get;
    expect(operation?.security).toEqual([{ negotiate: [] }]);
    expect(operation?.responses["401"]?.headers).toHaveProperty("WWW-Authenticate");
  });

  it("logs each request without its token or the keytab's path", () => {
    const log = logLines.join("");
    expect(log).toContain('"path":"/sign-on/kerberos"');
    expect(log).not.toContain(kdc.keytabPath);
    expect(log).not.toContain("Negotiate ");
    for (const token of tokensSent) expect(log).not.toContain(token.slice(0, 40));
  });
});

describe("serve with Kerberos sign-on", () => {
  it("refuses to start without the connection's kerberos settings or with a bad sign-on input", async () => {
    const base = { logger: pino({ level: "silent" }), port: 0, apiKey: API_KEY };
    await expect(
      startService({
        ...base,
        connection: env.connection,
        kerberosSignOn: { input: { gatewayId: gateway.id, userTypeId: "x" } },
      }),
    ).rejects.toThrow(ServiceStartError);
    await expect(
      startService({
        ...base,
        connection: env.connection,
        kerberosSignOn: { input: { gatewayId: gateway.id, userTypeId: "x" } },
      }),
    ).rejects.toThrow(/PINGONE_KERBEROS_KEYTAB/);
    await expect(
      startService({
        ...base,
        connection: {
          ...env.connection,
          kerberos: { keytab: kdc.keytabPath, servicePrincipal: kdc.servicePrincipal },
        },
        kerberosSignOn: { input: { userTypeId: "x" } },
      }),
    ).rejects.toThrow(/gatewayId is required/);
  });
});

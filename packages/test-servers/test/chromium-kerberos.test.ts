import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Kdc, launchChromium, startKdc } from "../src/index.js";
import { serveLocally } from "./local-site.js";

const run = promisify(execFile);
// The DER encoding of SPNEGO's mechanism OID 1.3.6.1.5.5.2 (RFC 4178).
const spnegoOid = Buffer.from([0x06, 0x06, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x02]);

describe("Chromium with a ticket cache from kinit", () => {
  let kdc: Kdc;
  let browser: Browser | undefined;
  let site: Awaited<ReturnType<typeof serveLocally>>;
  const tokens: string[] = []; // sent with the page itself, not its favicon

  beforeAll(async () => {
    kdc = await startKdc({ principals: [{ name: "alice", password: "alice-pw" }] });
    // Answers as an SPNEGO-protected page: a challenge first, then whatever token comes back.
    site = await serveLocally((request, response) => {
      const authorization = request.headers.authorization ?? "";
      if (!authorization.startsWith("Negotiate ")) {
        response.writeHead(401, { "www-authenticate": "Negotiate", "content-type": "text/plain" });
        response.end("Kerberos sign-on required");
        return;
      }
      if (request.url === "/") tokens.push(authorization.slice("Negotiate ".length));
      response.writeHead(200, { "content-type": "text/plain" }).end("token received");
    });
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await kdc?.stop();
  });

  it("answers a Negotiate challenge from localhost with a SPNEGO token for HTTP/localhost", async () => {
    const credentials = await kdc.kinit("alice", "alice-pw");
    browser = await launchChromium({ authServerAllowlist: "localhost", env: credentials.env });
    const tab = await browser.newPage();
    const response = await tab.goto(`http://localhost:${site.port}/`);
    expect(response?.status()).toBe(200);
    expect(await tab.textContent("body")).toContain("token received");

    expect(tokens).toHaveLength(1);
    const token = Buffer.from(tokens[0]!, "base64");
    expect(token[0]).toBe(0x60); // a GSS-API InitialContextToken (RFC 2743 section 3.1)
    expect(token.includes(spnegoOid)).toBe(true);
    // The browser asked the KDC for the service ticket, which went into alice's cache.
    const { stdout } = await run("klist", ["-c", credentials.ccacheName], {
      env: { ...process.env, ...kdc.env },
    });
    expect(stdout).toContain(kdc.servicePrincipal);
  });
});

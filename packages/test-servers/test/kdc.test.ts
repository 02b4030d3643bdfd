import { execFile } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Kdc, startKdc } from "../src/index.js";

const run = promisify(execFile);

/** What `klist` shows of a credential cache or keytab, with the test realm's settings. */
async function klist(kdc: Kdc, args: string[]): Promise<string> {
  const { stdout } = await run("klist", args, { env: { ...process.env, ...kdc.env } });
  return stdout;
}

describe("startKdc", () => {
  let kdc: Kdc;

  beforeAll(async () => {
    kdc = await startKdc({
      principals: [
        { name: "alice", password: "alice pw 1" },
        { name: "bob", password: "bob-pw-2" },
      ],
    });
  });

  afterAll(async () => {
    await kdc?.stop();
  });

  it("runs a realm of its own on a loopback port", () => {
    expect(kdc.realm).toBe("EXAMPLE.COM");
    expect(kdc.servicePrincipal).toBe("HTTP/localhost@EXAMPLE.COM");
    const config = readFileSync(kdc.krb5ConfigPath, "utf8");
    expect(config).toContain(`kdc = 127.0.0.1:${kdc.port}`);
    expect(config).toContain("localhost = EXAMPLE.COM");
    expect(kdc.env).toEqual({ KRB5_CONFIG: kdc.krb5ConfigPath });
  });

  it("issues a ticket-granting ticket to a user with the right password", async () => {
    const credentials = await kdc.kinit("alice", "alice pw 1");
    expect(credentials.env).toEqual({ KRB5_CONFIG: kdc.krb5ConfigPath, KRB5CCNAME: credentials.ccacheName });
    expect(existsSync(credentials.ccachePath)).toBe(true);
    const listing = await klist(kdc, ["-c", credentials.ccacheName]);
    expect(listing).toContain("Default principal: alice@EXAMPLE.COM");
    expect(listing).toContain("krbtgt/EXAMPLE.COM@EXAMPLE.COM");
  });

  it("refuses a wrong password and an unknown principal", async () => {
    await expect(kdc.kinit("bob", "not bob's")).rejects.toThrow(/Password incorrect/);
    await expect(kdc.kinit("carol", "any")).rejects.toThrow(/not found in Kerberos database/);
  });

  it("gives each kinit its own credential cache", async () => {
    const alice = await kdc.kinit("alice", "alice pw 1");
    const bob = await kdc.kinit("bob", "bob-pw-2");
    expect(alice.ccachePath).not.toBe(bob.ccachePath);
    expect(await klist(kdc, ["-c", bob.ccacheName])).toContain("Default principal: bob@EXAMPLE.COM");
  });

  it("exports the service principal's keys to a keytab readable by its owner only", async () => {
    expect(statSync(kdc.keytabPath).mode & 0o077).toBe(0);
    const listing = await klist(kdc, ["-k", "-e", kdc.keytabPath]);
    expect(listing).toMatch(/HTTP\/localhost@EXAMPLE\.COM \(aes256-cts-hmac-sha1-96\)/);
    expect(kdc.acceptorEnv).toEqual({
      KRB5_CONFIG: kdc.krb5ConfigPath,
      KRB5_KTNAME: `FILE:${kdc.keytabPath}`,
    });
  });

  it("issues a service ticket for HTTP/localhost whose key number matches the keytab", async () => {
    const credentials = await kdc.kinit("alice", "alice pw 1");
    const { stdout } = await run("kvno", ["HTTP/localhost"], { env: { ...process.env, ...credentials.env } });
    const issued = /kvno = (\d+)/.exec(stdout)?.[1];
    const inKeytab = /^\s*(\d+) HTTP\/localhost@EXAMPLE\.COM/m.exec(
      await klist(kdc, ["-k", kdc.keytabPath]),
    )?.[1];
    expect(issued).toBeDefined();
    expect(issued).toBe(inKeytab);
  });

  it("adds a principal while running", async () => {
    await kdc.addPrincipal({ name: "carol", password: "carol-pw" });
    await kdc.kinit("carol", "carol-pw");
    await expect(kdc.addPrincipal({ name: "carol", password: "again" })).rejects.toThrow(/already exists/);
    await expect(kdc.addPrincipal({ name: "dave", password: 'quote"d' })).rejects.toThrow(/quotes/);
  });
});

describe("startKdc, stopped", () => {
  it("removes its folder, and says so to a later kinit", async () => {
    const kdc = await startKdc({ realm: "TEST.LOCAL", principals: [{ name: "eve", password: "eve-pw" }] });
    await kdc.kinit("eve", "eve-pw");
    await kdc.stop();
    expect(existsSync(kdc.directory)).toBe(false);
    await expect(kdc.kinit("eve", "eve-pw")).rejects.toThrow("the KDC of TEST.LOCAL was stopped");
    await kdc.stop();
  });
});

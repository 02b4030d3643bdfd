import { existsSync } from "node:fs";
import { Client, InvalidCredentialsError, NoSuchObjectError } from "ldapts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Slapd, startSlapd, userEntry } from "../src/index.js";

const users = "ou=users,dc=example,dc=com";
const legacy = "ou=legacy,dc=example,dc=com";

async function withClient<T>(
  url: string,
  action: (client: Client) => Promise<T>,
  timeout = 5_000,
): Promise<T> {
  const client = new Client({ url, timeout, connectTimeout: timeout });
  try {
    return await action(client);
  } finally {
    await client.unbind().catch(() => {});
  }
}

function bindAs(slapd: Slapd, dn: string, password: string): Promise<void> {
  return withClient(slapd.url, (client) => client.bind(dn, password));
}

async function searchUid(slapd: Slapd, baseDn: string, uid: string) {
  return withClient(slapd.url, async (client) => {
    await client.bind(slapd.bindDn, slapd.bindPassword);
    const { searchEntries } = await client.search(baseDn, { filter: `(uid=${uid})` });
    return searchEntries;
  });
}

describe("startSlapd", () => {
  let slapd: Slapd;

  beforeAll(async () => {
    slapd = await startSlapd({
      baseDns: [users, legacy],
      entries: [
        userEntry(users, {
          uid: "jdoe",
          givenName: "Jane",
          sn: "Doe",
          mail: "jdoe@example.com",
          password: "Jane's pw 1",
        }),
        userEntry(legacy, { uid: "old.timer", sn: "Timer", mail: "old@example.com", password: "legacy-pw" }),
        userEntry(users, { uid: "a,b+c", sn: "Comma", password: "comma-pw" }),
      ],
    });
  });

  afterAll(async () => {
    await slapd?.stop();
  });

  it("listens on loopback and binds its root DN", async () => {
    expect(slapd.url).toBe(`ldap://127.0.0.1:${slapd.port}`);
    expect(slapd.hostAndPort).toBe(`127.0.0.1:${slapd.port}`);
    expect(slapd.bindDn).toBe("cn=admin,dc=example,dc=com");
    await bindAs(slapd, slapd.bindDn, slapd.bindPassword);
  });

  it("finds a user under its base DN with the loaded attributes", async () => {
    const [entry, ...more] = await searchUid(slapd, users, "jdoe");
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      dn: `uid=jdoe,${users}`,
      givenName: "Jane",
      sn: "Doe",
      cn: "Jane Doe",
      mail: "jdoe@example.com",
    });
    expect(await searchUid(slapd, legacy, "jdoe")).toEqual([]);
    expect(await searchUid(slapd, legacy, "old.timer")).toHaveLength(1);
  });

  it("checks a user's password on bind, and refuses a wrong one", async () => {
    await bindAs(slapd, `uid=jdoe,${users}`, "Jane's pw 1");
    await expect(bindAs(slapd, `uid=jdoe,${users}`, "wrong")).rejects.toBeInstanceOf(InvalidCredentialsError);
    await expect(bindAs(slapd, slapd.bindDn, "wrong")).rejects.toBeInstanceOf(InvalidCredentialsError);
  });

  it("escapes DN characters in a uid", async () => {
    await bindAs(slapd, `uid=a\\,b\\+c,${users}`, "comma-pw");
    expect(await searchUid(slapd, users, "a,b+c")).toHaveLength(1);
  });

  it("shows nothing to anonymous clients, and directory entries to bound users", async () => {
    // slapd hides even the base entry from an anonymous client: no such object.
    await expect(
      withClient(slapd.url, (client) => client.search(users, { filter: "(uid=*)" })),
    ).rejects.toBeInstanceOf(NoSuchObjectError);
    const asUser = await withClient(slapd.url, async (client) => {
      await client.bind(`uid=jdoe,${users}`, "Jane's pw 1");
      return client.search(legacy, { filter: "(uid=old.timer)", attributes: ["mail", "userPassword"] });
    });
    expect(asUser.searchEntries).toHaveLength(1);
    expect(asUser.searchEntries[0]).toMatchObject({ dn: `uid=old.timer,${legacy}`, mail: "old@example.com" });
    // The password hash is readable by no one but its owner.
    expect(asUser.searchEntries[0]?.userPassword).toEqual([]);
  });

  it("changes attributes and passwords, and adds and deletes entries while running", async () => {
    const dn = `uid=mover,${users}`;
    await slapd.addEntry(
      userEntry(users, { uid: "mover", sn: "Mover", mail: "a@example.com", password: "one" }),
    );
    await slapd.modifyEntry(dn, { mail: "b@example.com", telephoneNumber: ["+1 555 0100", "+1 555 0101"] });
    const changed = await slapd.readEntry(dn);
    expect(changed?.mail).toEqual(["b@example.com"]);
    expect(changed?.telephoneNumber).toEqual(["+1 555 0100", "+1 555 0101"]);
    expect(changed?.userPassword?.[0]).toMatch(/^\{SSHA\}/);

    await slapd.modifyEntry(dn, { telephoneNumber: null });
    expect((await slapd.readEntry(dn))?.telephoneNumber).toBeUndefined();

    await slapd.setPassword(dn, "two");
    await bindAs(slapd, dn, "two");
    await expect(bindAs(slapd, dn, "one")).rejects.toBeInstanceOf(InvalidCredentialsError);

    await slapd.deleteEntry(dn);
    expect(await slapd.readEntry(dn)).toBeUndefined();
  });

  it("creates missing containers on the way to a new entry", async () => {
    const deep = "ou=contractors,ou=partners,dc=example,dc=com";
    await slapd.addEntry(userEntry(deep, { uid: "ext", password: "ext-pw" }));
    expect((await slapd.readEntry("ou=partners,dc=example,dc=com"))?.objectClass).toContain(
      "organizationalUnit",
    );
    await bindAs(slapd, `uid=ext,${deep}`, "ext-pw");
  });

  it("goes down and comes back with its data; a frozen server answers nothing", async () => {
    await slapd.takeDown();
    await expect(bindAs(slapd, slapd.bindDn, slapd.bindPassword)).rejects.toThrow(/ECONNREFUSED/);
    await slapd.bringUp();
    expect(await searchUid(slapd, users, "jdoe")).toHaveLength(1);

    slapd.freeze();
    try {
      const started = Date.now();
      await expect(
        withClient(slapd.url, (client) => client.bind(slapd.bindDn, slapd.bindPassword), 300),
      ).rejects.toThrow(/timed out/);
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      slapd.thaw();
    }
    await bindAs(slapd, slapd.bindDn, slapd.bindPassword);
  });
});

describe("startSlapd with two naming contexts", () => {
  it("serves one MDB database per suffix, all writable by the root DN, and cleans up on stop", async () => {
    const slapd = await startSlapd({
      suffixes: ["dc=example,dc=com", "o=Légacy Corp"],
      entries: [userEntry("ou=people,o=Légacy Corp", { uid: "lc", password: "lc-pw" })],
      bindPassword: "root pw",
    });
    try {
      expect(slapd.bindPassword).toBe("root pw");
      expect(await searchUid(slapd, "o=Légacy Corp", "lc")).toHaveLength(1);
      await bindAs(slapd, "uid=lc,ou=people,o=Légacy Corp", "lc-pw");
    } finally {
      await slapd.stop();
    }
    expect(existsSync(slapd.directory)).toBe(false);
    await expect(bindAs(slapd, slapd.bindDn, slapd.bindPassword)).rejects.toThrow(/ECONNREFUSED/);
    await slapd.stop();
  });

  it("fails with slapd's own words when the configuration is wrong, leaving nothing behind", async () => {
    const failure = await startSlapd({ suffixes: ["not a dn"] }).catch((error: Error) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(/slapadd .* exited with 1: .*suffix/is);
  });

  it("serves LDAPS and StartTLS with a self-signed certificate when asked", async () => {
    const slapd = await startSlapd({
      tls: true,
      entries: [userEntry("ou=users,dc=example,dc=com", { uid: "tls", password: "tls-pw" })],
    });
    try {
      expect(slapd.ldapsUrl).toBe(`ldaps://127.0.0.1:${slapd.ldapsPort}`);
      expect(slapd.ldapsHostAndPort).toBe(`127.0.0.1:${slapd.ldapsPort}`);
      expect(slapd.certificatePem).toMatch(/^-----BEGIN CERTIFICATE-----/);
      const ca = slapd.certificatePem as string;
      const dn = "uid=tls,ou=users,dc=example,dc=com";
      const ldaps = new Client({ url: slapd.ldapsUrl as string, timeout: 5_000, tlsOptions: { ca } });
      try {
        await ldaps.bind(dn, "tls-pw");
      } finally {
        await ldaps.unbind().catch(() => {});
      }
      const startTls = new Client({ url: slapd.url, timeout: 5_000 });
      try {
        await startTls.startTLS({ ca });
        await startTls.bind(dn, "tls-pw");
      } finally {
        await startTls.unbind().catch(() => {});
      }
      // Without the certificate a verifying client refuses the server.
      const untrusting = new Client({
        url: slapd.ldapsUrl as string,
        timeout: 5_000,
        tlsOptions: { ca: [] },
      });
      await expect(untrusting.bind(dn, "tls-pw")).rejects.toThrow(/certificate/i);
      await untrusting.unbind().catch(() => {});
      // Down and up again, both listeners come back on their ports.
      await slapd.takeDown();
      await slapd.bringUp();
      const again = new Client({ url: slapd.ldapsUrl as string, timeout: 5_000, tlsOptions: { ca } });
      await again.bind(dn, "tls-pw");
      await again.unbind();
    } finally {
      await slapd.stop();
    }
  });

  it("has no TLS listener unless asked", async () => {
    const slapd = await startSlapd();
    try {
      expect(slapd.ldapsUrl).toBeUndefined();
      expect(slapd.certificatePem).toBeUndefined();
    } finally {
      await slapd.stop();
    }
  });

  it("refuses an entry outside every suffix", async () => {
    await expect(
      startSlapd({ entries: [userEntry("ou=users,dc=elsewhere,dc=org", { uid: "x" })] }),
    ).rejects.toThrow("uid=x,ou=users,dc=elsewhere,dc=org is under none of the suffixes dc=example,dc=com");
  });
});

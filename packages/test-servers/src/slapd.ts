import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AlreadyExistsError, Attribute, Change, Client, NoSuchObjectError } from "ldapts";
import { findExecutable } from "./lib/executables.js";
import { freeTcpPort } from "./lib/free-port.js";
import { type LdapEntry, toLdif } from "./lib/ldif.js";
import { runCommand } from "./lib/run-command.js";
import { type ServerProcess, startServerProcess } from "./lib/server-process.js";

export type { LdapEntry } from "./lib/ldif.js";

export interface SlapdOptions {
  /** Naming contexts, one MDB database each. Default `["dc=example,dc=com"]`. */
  suffixes?: readonly string[];
  /**
   * Containers created at start, such as a user type's `searchBaseDn`
   * (`ou=users,dc=example,dc=com`); each lies under one of the suffixes. Default: the suffixes.
   */
  baseDns?: readonly string[];
  /** Entries added at start, in order, after their missing `dc=`, `o=` or `ou=` ancestors. */
  entries?: readonly LdapEntry[];
  /** The root DN's password; random by default. */
  bindPassword?: string;
  /**
   * Also serve LDAPS on a second port and accept StartTLS on the first, with a self-signed
   * certificate for 127.0.0.1 and localhost made by openssl. Default false.
   */
  tls?: boolean;
}

/** Attribute values to replace; `null` or `[]` removes the attribute. */
export type LdapChanges = Record<string, string | readonly string[] | null>;

/** A running slapd on 127.0.0.1 with its own cn=config and MDB databases in a temporary folder. */
export interface Slapd {
  /** `ldap://127.0.0.1:<port>` */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** `127.0.0.1:<port>`, as a PingOne gateway's `serversHostAndPort` spells it. */
  readonly hostAndPort: string;
  /** The root DN (`cn=admin,<first suffix>`): not subject to access control in any database. */
  readonly bindDn: string;
  readonly bindPassword: string;
  readonly suffixes: readonly string[];
  readonly baseDns: readonly string[];
  /** The temporary folder with the configuration and databases; removed by stop(). */
  readonly directory: string;
  /** With `tls`: `ldaps://127.0.0.1:<port>`, its port and `127.0.0.1:<port>`; undefined otherwise. */
  readonly ldapsUrl: string | undefined;
  readonly ldapsPort: number | undefined;
  readonly ldapsHostAndPort: string | undefined;
  /** With `tls`: the self-signed certificate (PEM) a client must trust to verify the server. */
  readonly certificatePem: string | undefined;
  /** Adds an entry, after its missing `dc=`, `o=` or `ou=` ancestors. */
  addEntry(entry: LdapEntry): Promise<void>;
  /** Replaces the given attributes of an entry. */
  modifyEntry(dn: string, changes: LdapChanges): Promise<void>;
  /** Sets an entry's userPassword to the salted SHA-1 hash of the password. */
  setPassword(dn: string, password: string): Promise<void>;
  deleteEntry(dn: string): Promise<void>;
  /** An entry's attributes (userPassword included), or undefined when there is no such entry. */
  readEntry(dn: string): Promise<Record<string, string[]> | undefined>;
  /** Ends slapd but keeps its data: connections are refused until bringUp(). */
  takeDown(): Promise<void>;
  /** Starts slapd again on the same port with the same data. */
  bringUp(): Promise<void>;
  /** SIGSTOP: connections are accepted but nothing is answered, like a hung server. */
  freeze(): void;
  thaw(): void;
  /** Ends slapd and removes its folder. Idempotent. */
  stop(): Promise<void>;
}

const schemaFiles = ["core", "cosine", "inetorgperson"];
const schemaDirectories = ["/etc/ldap/schema", "/etc/openldap/schema", "/usr/local/etc/openldap/schema"];
const moduleDirectories = [
  "/usr/lib/ldap",
  "/usr/lib64/openldap",
  "/usr/lib/openldap",
  "/usr/libexec/openldap",
];

/**
 * Starts OpenLDAP's slapd on a free loopback port with a generated cn=config (loaded with
 * slapadd), one MDB database per suffix, a root DN and the given entries.
 *
 * @example
 * const slapd = await startSlapd({
 *   baseDns: ["ou=users,dc=example,dc=com"],
 *   entries: [userEntry("ou=users,dc=example,dc=com", { uid: "jdoe", password: "s3cret!" })],
 * });
 * // ... slapd.url, slapd.bindDn, slapd.bindPassword
 * await slapd.stop();
 */
export async function startSlapd(options: SlapdOptions = {}): Promise<Slapd> {
  const slapdPath = findExecutable("slapd", "slapd");
  const slapaddPath = findExecutable("slapadd", "slapd");
  const suffixes = options.suffixes ?? ["dc=example,dc=com"];
  if (suffixes.length === 0) throw new Error("startSlapd: suffixes must name at least one naming context");
  const baseDns = options.baseDns ?? suffixes;
  const bindDn = `cn=admin,${suffixes[0]}`;
  const bindPassword = options.bindPassword ?? randomBytes(12).toString("base64url");

  const directory = await mkdtemp(join(tmpdir(), "pingone-slapd-"));
  let server: ServerProcess | undefined;
  let port = 0;
  let ldapsPort = 0;
  const url = () => `ldap://127.0.0.1:${port}`;
  const listeners = () => (options.tls ? `${url()}/ ldaps://127.0.0.1:${ldapsPort}/` : `${url()}/`);
  let certificatePem: string | undefined;
  const known = new Set<string>();

  const withClient = async <T>(action: (client: Client) => Promise<T>): Promise<T> => {
    const client = new Client({ url: url(), connectTimeout: 2_000, timeout: 10_000 });
    try {
      await client.bind(bindDn, bindPassword);
      return await action(client);
    } finally {
      await client.unbind().catch(() => {});
    }
  };

  const addWithAncestors = async (client: Client, entry: LdapEntry) => {
    const suffix = suffixes.find((candidate) => isUnder(entry.dn, candidate));
    if (!suffix) throw new Error(`${entry.dn} is under none of the suffixes ${suffixes.join("; ")}`);
    for (const ancestor of ancestorsBelow(entry.dn, suffix)) {
      if (known.has(ancestor.toLowerCase())) continue;
      await client.add(ancestor, containerAttributes(ancestor)).catch((error: unknown) => {
        if (!(error instanceof AlreadyExistsError)) throw error;
      });
      known.add(ancestor.toLowerCase());
    }
    await client.add(entry.dn, toAddAttributes(entry.attributes));
    known.add(entry.dn.toLowerCase());
  };

  const launch = async () => {
    server = await startServerProcess({
      command: slapdPath,
      // "-d none" keeps slapd in the foreground and prints only its errors.
      args: ["-h", listeners(), "-F", join(directory, "slapd.d"), "-d", "none"],
      directory,
      isReady: () => withClient(async () => true),
    });
  };

  try {
    const moduleDirectory = moduleDirectories.find((candidate) => existsSync(join(candidate, "back_mdb.la")));
    const schemaDirectory = schemaDirectories.find((candidate) => existsSync(join(candidate, "core.ldif")));
    if (!schemaDirectory) {
      throw new Error(`OpenLDAP's schema (core.ldif) is in none of ${schemaDirectories.join(", ")}`);
    }
    await mkdir(join(directory, "slapd.d"));
    if (options.tls) certificatePem = await makeCertificate(directory);
    for (const [index] of suffixes.entries()) await mkdir(join(directory, `db${index + 1}`));
    const config = configLdif({
      directory,
      moduleDirectory,
      schemaDirectory,
      suffixes,
      bindDn,
      bindPassword,
      tls: options.tls === true,
    });
    await writeFile(join(directory, "config.ldif"), config, { mode: 0o600 });
    await runCommand(slapaddPath, [
      "-n",
      "0",
      "-F",
      join(directory, "slapd.d"),
      "-l",
      join(directory, "config.ldif"),
    ]);

    // The free port may be taken between the probe and slapd's bind: then try another one.
    for (let attempt = 1; ; attempt++) {
      port = await freeTcpPort();
      if (options.tls) ldapsPort = await freeTcpPort();
      try {
        await launch();
        break;
      } catch (error) {
        if (attempt >= 3 || !String(error).includes("Address already in use")) throw error;
      }
    }
    await withClient(async (client) => {
      for (const dn of [...suffixes, ...baseDns]) {
        await addWithAncestors(client, { dn, attributes: containerAttributes(dn) }).catch(
          (error: unknown) => {
            if (!(error instanceof AlreadyExistsError)) throw error;
          },
        );
      }
      for (const entry of options.entries ?? []) await addWithAncestors(client, entry);
    });
  } catch (error) {
    await server?.stop();
    await rm(directory, { recursive: true, force: true });
    throw error;
  }

  let stopped = false;
  return {
    url: url(),
    host: "127.0.0.1",
    port,
    hostAndPort: `127.0.0.1:${port}`,
    bindDn,
    bindPassword,
    suffixes,
    baseDns,
    directory,
    ldapsUrl: options.tls ? `ldaps://127.0.0.1:${ldapsPort}` : undefined,
    ldapsPort: options.tls ? ldapsPort : undefined,
    ldapsHostAndPort: options.tls ? `127.0.0.1:${ldapsPort}` : undefined,
    certificatePem,
    addEntry: (entry) => withClient((client) => addWithAncestors(client, entry)),
    modifyEntry: (dn, changes) =>
      withClient((client) =>
        client.modify(
          dn,
          Object.entries(changes).map(([type, values]) => {
            const list = values === null ? [] : typeof values === "string" ? [values] : [...values];
            return new Change({
              operation: list.length === 0 ? "delete" : "replace",
              modification: new Attribute({ type, values: list }),
            });
          }),
        ),
      ),
    setPassword: (dn, password) =>
      withClient((client) =>
        client.modify(
          dn,
          new Change({
            operation: "replace",
            modification: new Attribute({ type: "userPassword", values: [hashPassword(password)] }),
          }),
        ),
      ),
    deleteEntry: async (dn) => {
      await withClient((client) => client.del(dn));
      known.delete(dn.toLowerCase());
    },
    readEntry: (dn) =>
      withClient(async (client) => {
        try {
          const { searchEntries } = await client.search(dn, { scope: "base", attributes: ["*", "+"] });
          const found = searchEntries[0];
          if (!found) return undefined;
          const attributes: Record<string, string[]> = {};
          for (const [type, value] of Object.entries(found)) {
            if (type === "dn") continue;
            const values = Array.isArray(value) ? value : [value];
            attributes[type] = values.map((item) => (Buffer.isBuffer(item) ? item.toString("utf8") : item));
          }
          return attributes;
        } catch (error) {
          if (error instanceof NoSuchObjectError) return undefined;
          throw error;
        }
      }),
    takeDown: async () => {
      await server?.stop();
    },
    bringUp: async () => {
      if (stopped) throw new Error("slapd was stopped for good; start a new one");
      await server?.stop();
      await launch();
    },
    freeze: () => server?.freeze(),
    thaw: () => server?.thaw(),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server?.stop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** The fields of an inetOrgPerson entry; the password is stored as slapd's salted SHA-1 hash. */
export interface UserEntryFields {
  uid: string;
  password?: string;
  givenName?: string;
  sn?: string;
  cn?: string;
  mail?: string;
  /** More attributes, such as `telephoneNumber` or `employeeNumber`. */
  attributes?: Record<string, string | readonly string[]>;
}

/**
 * An inetOrgPerson entry `uid=<uid>,<baseDn>`.
 *
 * @example
 * userEntry("ou=users,dc=example,dc=com", { uid: "jdoe", givenName: "Jane", sn: "Doe",
 *   mail: "jdoe@example.com", password: "s3cret!" })
 */
export function userEntry(baseDn: string, fields: UserEntryFields): LdapEntry {
  const sn = fields.sn ?? fields.uid;
  const attributes: Record<string, string | readonly string[]> = {
    objectClass: ["top", "person", "organizationalPerson", "inetOrgPerson"],
    uid: fields.uid,
    sn,
    cn: fields.cn ?? (fields.givenName ? `${fields.givenName} ${sn}` : fields.uid),
  };
  if (fields.givenName !== undefined) attributes.givenName = fields.givenName;
  if (fields.mail !== undefined) attributes.mail = fields.mail;
  if (fields.password !== undefined) attributes.userPassword = hashPassword(fields.password);
  return {
    dn: `uid=${escapeDnValue(fields.uid)},${baseDn}`,
    attributes: { ...attributes, ...fields.attributes },
  };
}

/** A password as `{SSHA}` (salted SHA-1), a scheme slapd verifies on bind without any module. */
export function hashPassword(password: string): string {
  const salt = randomBytes(8);
  const digest = createHash("sha1").update(password, "utf8").update(salt).digest();
  return `{SSHA}${Buffer.concat([digest, salt]).toString("base64")}`;
}

/** Escapes an attribute value for use in a DN (RFC 4514). */
export function escapeDnValue(value: string): string {
  return value
    .replace(/[\\,+"<>;=]/g, (character) => `\\${character}`)
    .replace(/\0/g, "\\00")
    .replace(/^([ #])/, "\\$1")
    .replace(/ $/, "\\ ");
}

/**
 * A self-signed certificate for 127.0.0.1 and localhost (P-256, valid two days) in the server's
 * folder, made with openssl; returns it as PEM.
 */
async function makeCertificate(directory: string): Promise<string> {
  const openssl = findExecutable("openssl", "openssl");
  await runCommand(openssl, [
    "req",
    "-x509",
    "-newkey",
    "ec",
    "-pkeyopt",
    "ec_paramgen_curve:prime256v1",
    "-nodes",
    "-keyout",
    join(directory, "tls.key"),
    "-out",
    join(directory, "tls.crt"),
    "-days",
    "2",
    "-subj",
    "/CN=localhost",
    "-addext",
    "subjectAltName=IP:127.0.0.1,DNS:localhost",
  ]);
  return readFile(join(directory, "tls.crt"), "utf8");
}

function configLdif(settings: {
  directory: string;
  moduleDirectory: string | undefined;
  schemaDirectory: string;
  suffixes: readonly string[];
  bindDn: string;
  bindPassword: string;
  tls: boolean;
}): string {
  const head: LdapEntry[] = [
    {
      dn: "cn=config",
      attributes: {
        objectClass: "olcGlobal",
        cn: "config",
        olcPidFile: join(settings.directory, "slapd.pid"),
        olcArgsFile: join(settings.directory, "slapd.args"),
        ...(settings.tls
          ? {
              olcTLSCertificateFile: join(settings.directory, "tls.crt"),
              olcTLSCertificateKeyFile: join(settings.directory, "tls.key"),
            }
          : {}),
      },
    },
  ];
  // Debian builds the back ends as modules; where back_mdb is built in there is nothing to load.
  if (settings.moduleDirectory) {
    head.push({
      dn: "cn=module{0},cn=config",
      attributes: {
        objectClass: "olcModuleList",
        cn: "module{0}",
        olcModulePath: settings.moduleDirectory,
        olcModuleLoad: "back_mdb",
      },
    });
  }
  head.push({ dn: "cn=schema,cn=config", attributes: { objectClass: "olcSchemaConfig", cn: "schema" } });
  const includes = schemaFiles.map(
    (name) => `include: file://${join(settings.schemaDirectory, `${name}.ldif`)}\n`,
  );
  const databases: LdapEntry[] = [
    {
      dn: "olcDatabase={-1}frontend,cn=config",
      attributes: { objectClass: ["olcDatabaseConfig", "olcFrontendConfig"], olcDatabase: "{-1}frontend" },
    },
    {
      dn: "olcDatabase={0}config,cn=config",
      attributes: {
        objectClass: "olcDatabaseConfig",
        olcDatabase: "{0}config",
        olcAccess: "{0}to * by * none",
      },
    },
    ...settings.suffixes.map((suffix, index) => ({
      dn: `olcDatabase={${index + 1}}mdb,cn=config`,
      attributes: {
        objectClass: ["olcDatabaseConfig", "olcMdbConfig"],
        olcDatabase: `{${index + 1}}mdb`,
        olcDbDirectory: join(settings.directory, `db${index + 1}`),
        olcSuffix: suffix,
        // The root DN lives in the first database, where its password is checked; it is root of all.
        olcRootDN: settings.bindDn,
        ...(index === 0 ? { olcRootPW: hashPassword(settings.bindPassword) } : {}),
        olcDbIndex: ["objectClass eq", "uid eq", "mail eq", "cn eq"],
        // As a directory a gateway reads: binding checks passwords, bound users read, anonymous nothing.
        olcAccess: [
          "{0}to attrs=userPassword by self write by anonymous auth by * none",
          "{1}to * by users read by * none",
        ],
      },
    })),
  ];
  return `${toLdif(head)}\n${includes.join("\n")}\n${toLdif(databases)}`;
}

function toAddAttributes(attributes: LdapEntry["attributes"]): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(attributes).map(([type, values]) => [
      type,
      typeof values === "string" ? [values] : [...values],
    ]),
  );
}

/** The attributes of a container entry named by its RDN: `dc=`, `o=` or `ou=`. */
function containerAttributes(dn: string): Record<string, string[]> {
  const rdn = splitDn(dn)[0] ?? "";
  const separator = rdn.indexOf("=");
  const type = rdn.slice(0, separator).trim().toLowerCase();
  const value = rdn.slice(separator + 1).trim();
  if (type === "dc") return { objectClass: ["top", "dcObject", "organization"], dc: [value], o: [value] };
  if (type === "o") return { objectClass: ["top", "organization"], o: [value] };
  if (type === "ou") return { objectClass: ["top", "organizationalUnit"], ou: [value] };
  throw new Error(`${dn} is missing and only dc=, o= or ou= entries are created on the way: add it first`);
}

/** The RDNs of a DN, split at commas that are not escaped. */
function splitDn(dn: string): string[] {
  const parts: string[] = [];
  let current = "";
  for (let index = 0; index < dn.length; index++) {
    const character = dn[index]!;
    if (character === "\\") {
      current += character + (dn[index + 1] ?? "");
      index++;
    } else if (character === ",") {
      parts.push(current.trim());
      current = "";
    } else {
      current += character;
    }
  }
  parts.push(current.trim());
  return parts;
}

function normalise(dn: string): string {
  return splitDn(dn).join(",").toLowerCase();
}

function isUnder(dn: string, suffix: string): boolean {
  const entry = normalise(dn);
  const base = normalise(suffix);
  return entry === base || entry.endsWith(`,${base}`);
}

/** The suffix and the DNs between it and the entry, from the top down, the entry excluded. */
function ancestorsBelow(dn: string, suffix: string): string[] {
  const rdns = splitDn(dn);
  const depth = rdns.length - splitDn(suffix).length;
  const ancestors: string[] = [];
  for (let level = depth; level >= 1; level--) ancestors.push(rdns.slice(level).join(","));
  return ancestors;
}

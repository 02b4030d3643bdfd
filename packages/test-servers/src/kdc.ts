import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findExecutable } from "./lib/executables.js";
import { freeTcpAndUdpPort } from "./lib/free-port.js";
import { runCommand } from "./lib/run-command.js";
import { type ServerProcess, startServerProcess } from "./lib/server-process.js";

export interface KdcPrincipal {
  /** Without the realm: `alice`, or `HTTP/localhost` for a service. */
  name: string;
  password: string;
}

export interface KdcOptions {
  /** Default `EXAMPLE.COM`. */
  realm?: string;
  /** User principals with passwords, created at start. */
  principals?: readonly KdcPrincipal[];
  /** The service principal with a random key, exported to `keytabPath`. Default `HTTP/localhost`. */
  servicePrincipal?: string;
}

/** A credential cache made by kinit, and the environment that makes GSSAPI clients use it. */
export interface KerberosCredentials {
  principal: string;
  /** `FILE:<path>` */
  ccacheName: string;
  ccachePath: string;
  /** `KRB5_CONFIG` and `KRB5CCNAME`, for a browser or a GSSAPI client. */
  env: Record<string, string>;
}

/** A running MIT Kerberos KDC on 127.0.0.1 (UDP and TCP), with its realm in a temporary folder. */
export interface Kdc {
  readonly realm: string;
  readonly host: string;
  readonly port: number;
  /** The krb5.conf naming this KDC for the realm, with `localhost` in the realm. */
  readonly krb5ConfigPath: string;
  /** The service principal's keys (it is never printed). */
  readonly keytabPath: string;
  /** `HTTP/localhost@EXAMPLE.COM` */
  readonly servicePrincipal: string;
  /** `KRB5_CONFIG`: what every Kerberos program or library of a test needs. */
  readonly env: Record<string, string>;
  /** `KRB5_CONFIG` and `KRB5_KTNAME`: for the side that accepts SPNEGO tokens with the keytab. */
  readonly acceptorEnv: Record<string, string>;
  readonly directory: string;
  /** Gets a ticket-granting ticket into a new credential cache; rejects on a wrong password. */
  kinit(principal: string, password: string): Promise<KerberosCredentials>;
  /** Creates one more user principal; the KDC sees it at once. */
  addPrincipal(principal: KdcPrincipal): Promise<void>;
  /** Ends the KDC and removes its folder. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Starts MIT Kerberos' krb5kdc for a realm of its own: krb5.conf and kdc.conf in a temporary
 * folder, a database made by `kdb5_util create -s`, principals added with kadmin.local and a
 * keytab exported for the service principal.
 *
 * @example
 * const kdc = await startKdc({ principals: [{ name: "alice", password: "alice-pw" }] });
 * const { env } = await kdc.kinit("alice", "alice-pw"); // KRB5_CONFIG and KRB5CCNAME
 * await kdc.stop();
 */
export async function startKdc(options: KdcOptions = {}): Promise<Kdc> {
  const krb5kdcPath = findExecutable("krb5kdc", "krb5-kdc");
  const kdb5UtilPath = findExecutable("kdb5_util", "krb5-kdc");
  const kadminPath = findExecutable("kadmin.local", "krb5-admin-server");
  const kinitPath = findExecutable("kinit", "krb5-user");
  const realm = options.realm ?? "EXAMPLE.COM";
  const service = options.servicePrincipal ?? "HTTP/localhost";

  const directory = await mkdtemp(join(tmpdir(), "pingone-kdc-"));
  const krb5ConfigPath = join(directory, "krb5.conf");
  const kdcConfigPath = join(directory, "kdc.conf");
  const keytabPath = join(directory, "service.keytab");
  // Only this realm's files: the machine's /etc/krb5.conf and /etc/krb5kdc are never read.
  const env = { KRB5_CONFIG: krb5ConfigPath };
  const toolEnv = { ...process.env, ...env, KRB5_KDC_PROFILE: kdcConfigPath };
  const kadmin = (commands: string[]) =>
    runCommand(kadminPath, ["-r", realm], { env: toolEnv, input: `${commands.join("\n")}\n` }).then(
      ({ stdout, stderr }) => {
        // kadmin.local exits 0 when a command fails, reporting it on stderr besides its notices.
        const failure = stderr
          .split("\n")
          .find((line) => line.trim() && !/^(No policy specified|Authenticating as)/.test(line));
        if (failure) throw new Error(`kadmin.local: ${failure.trim()}`);
        return stdout;
      },
    );

  let server: ServerProcess | undefined;
  let port = 0;
  try {
    port = await freeTcpAndUdpPort();
    await writeFile(krb5ConfigPath, krb5Conf(realm, port, directory));
    await writeFile(kdcConfigPath, kdcConf(realm, port, directory));
    const masterPassword = randomBytes(16).toString("base64url");
    await runCommand(kdb5UtilPath, ["-r", realm, "create", "-s", "-P", masterPassword], { env: toolEnv });
    await kadmin([
      ...(options.principals ?? []).map((principal) => addPrincipalCommand(principal)),
      `addprinc -randkey ${service}`,
      `ktadd -k ${keytabPath} ${service}`,
    ]);
    server = await startServerProcess({
      command: krb5kdcPath,
      args: ["-n", "-r", realm, "-P", join(directory, "krb5kdc.pid")],
      directory,
      env: toolEnv,
      isReady: () => tcpAnswers(port),
    });
  } catch (error) {
    await server?.stop();
    await rm(directory, { recursive: true, force: true });
    throw error;
  }

  let stopped = false;
  return {
    realm,
    host: "127.0.0.1",
    port,
    krb5ConfigPath,
    keytabPath,
    servicePrincipal: `${service}@${realm}`,
    env,
    acceptorEnv: { ...env, KRB5_KTNAME: `FILE:${keytabPath}` },
    directory,
    kinit: async (principal, password) => {
      if (stopped) throw new Error(`the KDC of ${realm} was stopped`);
      const ccachePath = join(directory, `ccache-${randomUUID()}`);
      const ccacheName = `FILE:${ccachePath}`;
      // kinit reads the password from standard input when that is not a terminal.
      await runCommand(kinitPath, ["-c", ccacheName, principal], { env: toolEnv, input: `${password}\n` });
      return { principal, ccacheName, ccachePath, env: { ...env, KRB5CCNAME: ccacheName } };
    },
    addPrincipal: async (principal) => {
      await kadmin([addPrincipalCommand(principal)]);
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server?.stop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** A kadmin command line; the password goes through standard input, never a process argument. */
function addPrincipalCommand(principal: KdcPrincipal): string {
  if (/[\s"\\]/.test(principal.name) || /["\\\n\r]/.test(principal.password)) {
    throw new Error(
      `principal ${JSON.stringify(principal.name)}: names cannot hold spaces, quotes or backslashes, ` +
        "nor passwords quotes, backslashes or line breaks (kadmin's command line)",
    );
  }
  return `addprinc -pw "${principal.password}" ${principal.name}`;
}

function tcpAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function krb5Conf(realm: string, port: number, directory: string): string {
  return `# Generated for one test run: this realm only, no DNS, nothing from /etc.
[libdefaults]
  default_realm = ${realm}
  dns_lookup_realm = false
  dns_lookup_kdc = false
  rdns = false
  dns_canonicalize_hostname = false
  default_ccache_name = FILE:${join(directory, "ccache-default")}

[realms]
  ${realm} = {
    kdc = 127.0.0.1:${port}
  }

[domain_realm]
  localhost = ${realm}
  .localhost = ${realm}
`;
}

function kdcConf(realm: string, port: number, directory: string): string {
  return `# Generated for one test run: the KDC listens on loopback only, UDP and TCP.
[kdcdefaults]
  kdc_listen = 127.0.0.1:${port}
  kdc_tcp_listen = 127.0.0.1:${port}

[realms]
  ${realm} = {
    database_name = ${join(directory, "principal")}
    key_stash_file = ${join(directory, "stash")}
    acl_file = ${join(directory, "kadm5.acl")}
    admin_keytab = FILE:${join(directory, "kadm5.keytab")}
    kdc_listen = 127.0.0.1:${port}
    kdc_tcp_listen = 127.0.0.1:${port}
  }

[logging]
  kdc = STDERR
  default = FILE:${join(directory, "krb5.log")}
`;
}

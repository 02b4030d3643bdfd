import type { ConnectionOptions } from "node:tls";
import {
  Client,
  InvalidCredentialsError,
  NoSuchObjectError,
  ResultCodeError,
  SizeLimitExceededError,
} from "ldapts";
import { correlationFilter } from "./ldap-filters.js";
import { type ConnectionSecurity, type DirectoryServer, ldapUrlOf } from "./ldap-servers.js";

/** Where a gateway's directory is and how its service account signs in. */
export interface DirectoryConnection {
  /** Tried in order until one answers. */
  readonly servers: readonly DirectoryServer[];
  readonly bindDn: string;
  readonly bindPassword: string;
  readonly security: ConnectionSecurity;
  readonly validateCertificates: boolean;
}

export interface DirectoryTimeouts {
  /** TCP (and TLS) connection set-up, per server. */
  readonly connectMs: number;
  /** Each LDAP operation (StartTLS, bind, search). */
  readonly operationMs: number;
}

/** Which entry a credential belongs to: the one under `baseDn` whose attributes equal these values. */
export interface EntryLookup {
  readonly baseDn: string;
  readonly attributes: Readonly<Record<string, string>>;
}

/** What the directory said about a password. */
export type CredentialOutcome =
  | { readonly kind: "valid"; readonly dn: string }
  | { readonly kind: "invalidPassword" }
  /** No entry matches the lookup (or its base DN does not exist). */
  | { readonly kind: "noEntry" }
  /** More than one entry matches: the lookup cannot tell which user this is. */
  | { readonly kind: "ambiguous" };

/** Why a directory could not answer at all. */
export type DirectoryFailureReason =
  | "UNREACHABLE"
  | "TIMEOUT"
  | "TLS_FAILED"
  | "SERVICE_ACCOUNT_REJECTED"
  | "DIRECTORY_ERROR";

/**
 * The directory could not answer, so nothing is known about the password. Its message names the
 * server and the cause, never a password.
 */
export class DirectoryUnavailableError extends Error {
  readonly reason: DirectoryFailureReason;

  constructor(reason: DirectoryFailureReason, message: string) {
    super(message);
    this.name = "DirectoryUnavailableError";
    this.reason = reason;
  }
}

const TLS_ERROR_CODE = /CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY|HOSTNAME/i;
// Socket errors of the connection itself, whatever operation opened it (ldapts connects lazily).
const CONNECT_ERROR_CODE = /^(ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|EPIPE)$/;

/** Sorts what ldapts or the socket threw into a failure reason, with a message naming server and cause. */
function failureOf(error: unknown, server: string, step: string): DirectoryUnavailableError {
  const code = (error as { code?: unknown }).code;
  const text = error instanceof Error ? error.message : String(error);
  const firstLine = text.split("\n")[0] ?? "unknown error";
  if (typeof code === "string" && CONNECT_ERROR_CODE.test(code)) {
    return new DirectoryUnavailableError("UNREACHABLE", `${server}: cannot connect (${code})`);
  }
  if (text === "Connection timeout") {
    return new DirectoryUnavailableError("TIMEOUT", `${server}: connecting timed out`);
  }
  let reason: DirectoryFailureReason = "UNREACHABLE";
  if (/timeout|timed out/i.test(text) || code === "ETIMEDOUT") reason = "TIMEOUT";
  else if ((typeof code === "string" && TLS_ERROR_CODE.test(code)) || /certificate|tls|ssl/i.test(text)) {
    reason = "TLS_FAILED";
  } else if (error instanceof ResultCodeError) reason = "DIRECTORY_ERROR";
  const cause = typeof code === "string" ? code : firstLine;
  return new DirectoryUnavailableError(reason, `${server}: ${step} failed (${cause})`);
}

async function checkOnServer(
  connection: DirectoryConnection,
  server: DirectoryServer,
  lookup: EntryLookup,
  password: string,
  timeouts: DirectoryTimeouts,
): Promise<CredentialOutcome> {
  const url = ldapUrlOf(server, connection.security);
  const tlsOptions: ConnectionOptions = {
    rejectUnauthorized: connection.validateCertificates,
    servername: server.host,
  };
  const client = new Client({
    url,
    connectTimeout: timeouts.connectMs,
    timeout: timeouts.operationMs,
    ...(connection.security === "TLS" ? { tlsOptions } : {}),
  });
  const where = `${server.host}:${server.port}`;
  try {
    if (connection.security === "StartTLS") {
      await client.startTLS(tlsOptions).catch((error: unknown) => {
        throw failureOf(error, where, "StartTLS");
      });
    }
    await client.bind(connection.bindDn, connection.bindPassword).catch((error: unknown) => {
      if (error instanceof InvalidCredentialsError) {
        throw new DirectoryUnavailableError(
          "SERVICE_ACCOUNT_REJECTED",
          `${where}: the directory refused the gateway's bind DN and password`,
        );
      }
      throw failureOf(error, where, "service account bind");
    });
    let entries: { dn: string }[];
    try {
      const result = await client.search(lookup.baseDn, {
        scope: "sub",
        filter: correlationFilter(lookup.attributes),
        attributes: ["1.1"],
        sizeLimit: 2,
      });
      entries = result.searchEntries;
    } catch (error) {
      if (error instanceof NoSuchObjectError) return { kind: "noEntry" };
      if (error instanceof SizeLimitExceededError) return { kind: "ambiguous" };
      throw failureOf(error, where, "entry search");
    }
    if (entries.length === 0) return { kind: "noEntry" };
    if (entries.length > 1) return { kind: "ambiguous" };
    const dn = (entries[0] as { dn: string }).dn;
    try {
      await client.bind(dn, password);
    } catch (error) {
      if (error instanceof InvalidCredentialsError) return { kind: "invalidPassword" };
      throw failureOf(error, where, "user bind");
    }
    return { kind: "valid", dn };
  } catch (error) {
    if (error instanceof DirectoryUnavailableError) throw error;
    throw failureOf(error, where, "connection");
  } finally {
    await client.unbind().catch(() => {});
  }
}

/**
 * Checks a password the way an LDAP gateway does: connect (TLS or StartTLS as configured), bind as
 * the service account, find the one entry the lookup describes, then bind as that entry with the
 * password. Servers are tried in order while they cannot be reached; a refused service account or a
 * directory error ends the attempt. An empty password is never sent, since a simple bind without a
 * password is an anonymous bind that succeeds (RFC 4513 §5.1.2).
 */
export async function checkDirectoryCredentials(
  connection: DirectoryConnection,
  lookup: EntryLookup,
  password: string,
  timeouts: DirectoryTimeouts,
): Promise<CredentialOutcome> {
  if (password === "") return { kind: "invalidPassword" };
  let failure: DirectoryUnavailableError | undefined;
  for (const server of connection.servers) {
    try {
      return await checkOnServer(connection, server, lookup, password, timeouts);
    } catch (error) {
      if (!(error instanceof DirectoryUnavailableError)) throw error;
      failure = error;
      if (error.reason !== "UNREACHABLE" && error.reason !== "TIMEOUT") break;
    }
  }
  throw failure ?? new DirectoryUnavailableError("UNREACHABLE", "the gateway lists no directory server");
}

import { Client, InvalidCredentialsError, NoSuchObjectError, ResultCodeError } from "ldapts";
import { onAbort } from "../client/abort-subscriptions.js";
import type { ResolvedGatewayDirectory } from "../config/gateway-directories.js";
import type { DirectoryEntry } from "./directory-entry.js";
import { DirectoryError, type DirectoryOperation } from "./directory-error.js";

/** How a session reaches its directory, and what it scrubs from its errors. */
export interface SessionOptions {
  /** Ends every pending operation at once (the connection is closed). */
  signal?: AbortSignal | undefined;
  /** The registry of secrets (bind passwords among them) scrubbed from every error. */
  secrets?: Iterable<string>;
}

/** Which attributes a search returns, and how many entries at most. */
export interface SearchOptions {
  attributes: readonly string[];
  /** Entries beyond this are not returned (the server stops at `limit`). */
  limit: number;
}

/**
 * A connection to the directory behind one gateway, bound as its service account. Close it
 * when done: `withDirectorySession` does.
 */
export interface DirectorySession {
  /** The entries of the subtree under `baseDn` that match `filter`. */
  search(baseDn: string, filter: string, options: SearchOptions): Promise<DirectoryEntry[]>;
  /** The entry at `dn` if it matches `filter`, else undefined (also when there is no such entry). */
  readEntry(dn: string, filter: string, attributes: readonly string[]): Promise<DirectoryEntry | undefined>;
  /**
   * Binds as `dn` with `password` on a connection of its own, so this session stays the
   * service account's: true when the directory accepts the password, false when it answers
   * invalidCredentials; anything else is a DirectoryError.
   */
  verifyPassword(dn: string, password: string): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Runs `action` with a session bound as the gateway's service account and always closes it,
 * whatever `action` does.
 */
export async function withDirectorySession<T>(
  directory: ResolvedGatewayDirectory,
  options: SessionOptions,
  action: (session: DirectorySession) => Promise<T>,
): Promise<T> {
  const session = await openDirectorySession(directory, options);
  try {
    return await action(session);
  } finally {
    await session.close();
  }
}

/** Connects and binds as the service account; a failure is a classified DirectoryError. */
export async function openDirectorySession(
  directory: ResolvedGatewayDirectory,
  options: SessionOptions = {},
): Promise<DirectorySession> {
  const clients = new Set<Client>();
  const fail = (error: unknown, operation: DirectoryOperation, scrub?: readonly string[], baseDn?: string) =>
    classify(error, operation, directory, options, scrub, baseDn);
  const connect = () => {
    const client = new Client({
      url: directory.url,
      timeout: directory.timeoutMs,
      connectTimeout: directory.connectTimeoutMs,
      ...(directory.url.startsWith("ldaps:")
        ? {
            tlsOptions: {
              rejectUnauthorized: directory.tls.rejectUnauthorized,
              ...(directory.tls.ca ? { ca: directory.tls.ca } : {}),
            },
          }
        : {}),
    });
    clients.add(client);
    return client;
  };
  const release = async (client: Client) => {
    clients.delete(client);
    await client.unbind().catch(() => {});
  };
  // ldapts takes no signal: closing the connections rejects whatever is pending on them.
  if (options.signal?.aborted) throw fail(options.signal.reason, "connect");
  const unsubscribe =
    options.signal &&
    onAbort(options.signal, () => {
      for (const client of [...clients]) void release(client);
    });
  const close = async () => {
    unsubscribe?.();
    await Promise.all([...clients].map(release));
  };

  const service = connect();
  try {
    await service.bind(directory.bindDn, directory.bindPassword);
  } catch (error) {
    await close();
    throw fail(error, "service bind");
  }

  const entries = async (
    baseDn: string,
    filter: string,
    scope: "sub" | "base",
    attributes: readonly string[],
    limit: number,
  ) => {
    const { searchEntries } = await service.search(baseDn, {
      scope,
      filter,
      attributes: [...attributes],
      sizeLimit: limit,
      timeLimit: Math.ceil(directory.timeoutMs / 1000),
    });
    return searchEntries.slice(0, limit).map(toDirectoryEntry);
  };

  return {
    async search(baseDn, filter, searchOptions) {
      try {
        return await entries(baseDn, filter, "sub", searchOptions.attributes, searchOptions.limit);
      } catch (error) {
        throw fail(error, "search", undefined, baseDn);
      }
    },
    async readEntry(dn, filter, attributes) {
      try {
        return (await entries(dn, filter, "base", attributes, 1))[0];
      } catch (error) {
        if (error instanceof NoSuchObjectError) return undefined;
        throw fail(error, "search", undefined, dn);
      }
    },
    async verifyPassword(dn, password) {
      // An empty password would be an "unauthenticated" bind (RFC 4513 5.1.2), which succeeds.
      if (password === "") return false;
      const user = connect();
      try {
        await user.bind(dn, password);
        return true;
      } catch (error) {
        if (error instanceof InvalidCredentialsError) return false;
        throw fail(error, "password check", [password]);
      } finally {
        await release(user);
      }
    },
    close,
  };
}

function toDirectoryEntry(entry: Record<string, unknown> & { dn: string }): DirectoryEntry {
  const attributes: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(entry)) {
    if (name === "dn") continue;
    const values = Array.isArray(value) ? value : [value];
    attributes[name] = values.map((item) => (Buffer.isBuffer(item) ? item.toString("utf8") : String(item)));
  }
  return { dn: entry.dn, attributes };
}

const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
  "ETIMEDOUT",
]);

/** LDAP result codes that mean "try again later" rather than "this cannot work". */
const BUSY_RESULT_CODES = new Set([51, 52]);

function classify(
  error: unknown,
  operation: DirectoryOperation,
  directory: ResolvedGatewayDirectory,
  options: SessionOptions,
  scrub: readonly string[] | undefined,
  baseDn?: string,
): DirectoryError {
  const where = `the directory of gateway ${directory.gatewayId} (${directory.url})`;
  const what = baseDn === undefined ? operation : `${operation} under ${baseDn}`;
  const details = {
    gatewayId: directory.gatewayId,
    url: directory.url,
    operation,
    cause: error,
    // The registry is bounded; the directory's own bind password is scrubbed whatever it holds.
    scrub: [directory.bindPassword, ...(scrub ?? [])],
    ...(options.secrets ? { secrets: options.secrets } : {}),
  };
  if (options.signal?.aborted) {
    return new DirectoryError("ABORTED", `The ${operation} on ${where} was aborted`, details);
  }
  if (error instanceof ResultCodeError) {
    const withCode = { ...details, ldapResultCode: error.code };
    if (operation === "service bind" && error instanceof InvalidCredentialsError) {
      return new DirectoryError(
        "DIRECTORY_BIND_REFUSED",
        `${capitalized(where)} refused the service account ${directory.bindDn} (invalidCredentials): check the gatewayDirectories bindDn and bindPassword`,
        withCode,
      );
    }
    if (error.code === 3) {
      return new DirectoryError(
        "DIRECTORY_TIMEOUT",
        `The ${what} on ${where} exceeded its time limit`,
        withCode,
      );
    }
    const kind = BUSY_RESULT_CODES.has(error.code) ? "DIRECTORY_UNREACHABLE" : "DIRECTORY_ERROR";
    return new DirectoryError(
      kind,
      `The ${what} on ${where} failed with LDAP result ${error.code} (${ldapResultName(error)})`,
      withCode,
    );
  }
  const code = (error as { code?: unknown } | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (/Operation timed out|Connection timeout/i.test(message)) {
    const waited = operation === "connect" || /Connection timeout/i.test(message) ? "connecting" : operation;
    return new DirectoryError(
      "DIRECTORY_TIMEOUT",
      `${capitalized(where)} did not answer in time (${waited})`,
      details,
    );
  }
  if (
    typeof code === "string" &&
    (code.startsWith("ERR_TLS") ||
      code.startsWith("ERR_SSL") ||
      /CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code))
  ) {
    return new DirectoryError("DIRECTORY_TLS_ERROR", `TLS with ${where} failed (${code})`, details);
  }
  // ldapts wraps errors of an established connection; a bare reset is one during set-up, which
  // for ldaps:// means the TLS handshake: typically a server that does not serve TLS on that port.
  if (code === "ECONNRESET" && directory.url.startsWith("ldaps:")) {
    return new DirectoryError(
      "DIRECTORY_TLS_ERROR",
      `TLS with ${where} failed (ECONNRESET during the handshake: does the server serve TLS on this port?)`,
      details,
    );
  }
  if (typeof code === "string" && UNREACHABLE_CODES.has(code)) {
    return new DirectoryError(
      "DIRECTORY_UNREACHABLE",
      `${capitalized(where)} is unreachable (${code})`,
      details,
    );
  }
  if (/Connection closed|Socket error|connection not established/i.test(message)) {
    return new DirectoryError(
      "DIRECTORY_UNREACHABLE",
      `The connection to ${where} was lost during the ${operation}`,
      details,
    );
  }
  return new DirectoryError("DIRECTORY_ERROR", `The ${what} on ${where} failed: ${message}`, details);
}

/** `NoSuchObjectError` → `noSuchObject`, LDAP's own name for the result. */
function ldapResultName(error: ResultCodeError): string {
  const name = error.name.replace(/Error$/, "");
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

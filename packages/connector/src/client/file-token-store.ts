import { createHash, randomBytes } from "node:crypto";
import {
  closeSync,
  constants,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import type { Logger } from "./logger.js";
import type { CachedToken, TokenStore } from "./token-provider.js";

/** What one cache file holds: the token and when to stop using it, never the client secret. */
interface TokenFile {
  version: 1;
  tokenUrl: string;
  clientId: string;
  accessToken: string;
  /** Milliseconds since the epoch (wall clock): `expires_in` minus the refresh margin. */
  refreshAt: number;
}

/**
 * A token store that survives the process, for short-lived callers such as the CLI
 * (docs/connector-service.md#token-cache): one file per cache key (token URL, client id and a
 * fingerprint of the secret, as the in-process store), named by the key's SHA-256, mode 0600 in a
 * 0700 directory. The secret is never written. A file that is unreadable, not ours, readable by
 * others, or not a token file is ignored and replaced on the next issue; a write that fails only
 * costs the caching. Expiry is the provider's rule: an entry past `refreshAt` is never used.
 *
 * @example
 * createPingOneClient(settings, { tokenStore: createFileTokenStore("/home/me/.cache/pingone-connector") });
 */
export function createFileTokenStore(directory: string, options: { logger?: Logger } = {}): TokenStore {
  return { cached: new FileBackedTokens(join(directory, "tokens"), options.logger), inFlight: new Map() };
}

class FileBackedTokens extends Map<string, CachedToken> {
  private warned = false;

  constructor(
    private readonly directory: string,
    private readonly logger: Logger | undefined,
  ) {
    super();
  }

  override get(key: string): CachedToken | undefined {
    const known = super.get(key);
    if (known !== undefined) return known;
    const stored = readTokenFile(this.fileOf(key));
    if (stored !== undefined) super.set(key, stored);
    return stored;
  }

  override set(key: string, token: CachedToken): this {
    super.set(key, token);
    const [tokenUrl = "", clientId = ""] = key.split("\n");
    const file: TokenFile = { version: 1, tokenUrl, clientId, ...token };
    this.attempt(() => writeTokenFile(this.directory, this.fileOf(key), file));
    return this;
  }

  override delete(key: string): boolean {
    const had = super.delete(key);
    this.attempt(() => rmSync(this.fileOf(key), { force: true }));
    return had;
  }

  private fileOf(key: string): string {
    return join(this.directory, `${createHash("sha256").update(key).digest("hex")}.json`);
  }

  /** The cache is an optimisation: a failure to write it is logged once and otherwise ignored. */
  private attempt(write: () => void): void {
    try {
      write();
    } catch (error) {
      if (this.warned) return;
      this.warned = true;
      const code = (error as NodeJS.ErrnoException).code ?? "error";
      this.logger?.warn({ directory: this.directory, code }, "token cache not written");
    }
  }
}

/** The token in `path`, or undefined unless it is a regular file of ours that nobody else can read. */
function readTokenFile(path: string): CachedToken | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
    const stat = fstatSync(fd);
    const uid = process.getuid?.();
    if (!stat.isFile() || (stat.mode & 0o077) !== 0 || (uid !== undefined && stat.uid !== uid)) {
      return undefined;
    }
    const parsed = JSON.parse(readFileSync(fd, "utf8")) as Partial<TokenFile> | null;
    if (
      parsed === null ||
      typeof parsed !== "object" ||
      parsed.version !== 1 ||
      typeof parsed.accessToken !== "string" ||
      parsed.accessToken === "" ||
      typeof parsed.refreshAt !== "number" ||
      !Number.isFinite(parsed.refreshAt)
    ) {
      return undefined;
    }
    return { accessToken: parsed.accessToken, refreshAt: parsed.refreshAt };
  } catch {
    // Missing, unreadable or not JSON: a cache miss.
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Written beside the target and renamed over it, so a reader never sees half a file. */
function writeTokenFile(directory: string, path: string, file: TokenFile): void {
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    writeFileSync(temporary, `${JSON.stringify(file)}\n`, { mode: 0o600, flag: "wx" });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

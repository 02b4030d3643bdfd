import { homedir } from "node:os";
import { isAbsolute, join } from "node:path";

/** On with `--token-cache`, or `PINGONE_TOKEN_CACHE` set to `1`, `true` or `yes`. */
export function tokenCacheEnabled(
  flag: boolean | undefined,
  env: Record<string, string | undefined>,
): boolean {
  if (flag) return true;
  return /^(1|true|yes)$/i.test(env.PINGONE_TOKEN_CACHE?.trim() ?? "");
}

/**
 * The user's cache directory for the connector, after the XDG base directory rules:
 * `$XDG_CACHE_HOME/pingone-connector`, or `~/.cache/pingone-connector` when it is unset or not an
 * absolute path.
 */
export function tokenCacheDirectory(env: Record<string, string | undefined>): string {
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(homedir(), ".cache");
  return join(base, "pingone-connector");
}

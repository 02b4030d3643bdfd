import { escapeFilterValue } from "../../directory/escape-filter-value.js";
import type { KerberosPrincipal } from "../../kerberos/spnego-acceptor.js";

/**
 * The connection's `kerberos.userFilter` for one client: `${user}`, `${realm}` and
 * `${principal}` replaced by the principal's parts, RFC 4515-escaped, so no principal name can
 * change the filter's structure.
 *
 * @example
 * principalFilter("(uid=${user})", { principal: "j*@EXAMPLE.COM", user: "j*", realm: "EXAMPLE.COM" }); // "(uid=j\\2a)"
 */
export function principalFilter(pattern: string, client: KerberosPrincipal): string {
  const values: Record<string, string> = {
    user: client.user,
    realm: client.realm,
    principal: client.principal,
  };
  // A function replacement: `$&` or `$'` in a principal must stay literal text.
  return pattern.replace(/\$\{(user|realm|principal)\}/g, (_, name: string) =>
    escapeFilterValue(values[name]!),
  );
}

/** How a gateway talks to its directory (community `EnumGatewayTypeLDAPSecurity`). */
export type ConnectionSecurity = "None" | "TLS" | "StartTLS";

export interface DirectoryServer {
  host: string;
  port: number;
}

const HOST_NAME = /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\.?$/;
const IPV6 = /^[0-9A-Fa-f:.]+$/;

/**
 * A `serversHostAndPort` entry: `host:port`, `[v6]:port`, or an unbracketed IPv6 address whose last
 * group is the port (`2001:db8::1:389`, as PingOne's own example writes it). Undefined when malformed.
 */
export function parseHostAndPort(value: string): DirectoryServer | undefined {
  const separator = value.lastIndexOf(":");
  if (separator <= 0) return undefined;
  const portText = value.slice(separator + 1);
  if (!/^\d{1,5}$/.test(portText)) return undefined;
  const port = Number(portText);
  if (port < 1 || port > 65535) return undefined;
  const written = value.slice(0, separator);
  const bracketed = written.startsWith("[") && written.endsWith("]");
  const host = bracketed ? written.slice(1, -1) : written;
  const isIpv6 = host.includes(":") && IPV6.test(host);
  if (bracketed ? !isIpv6 : !(isIpv6 || HOST_NAME.test(host))) return undefined;
  return { host, port };
}

/** The URL ldapts connects to: `ldaps://` for TLS, `ldap://` otherwise (StartTLS upgrades after connecting). */
export function ldapUrlOf(server: DirectoryServer, security: ConnectionSecurity): string {
  const host = server.host.includes(":") ? `[${server.host}]` : server.host;
  return `${security === "TLS" ? "ldaps" : "ldap"}://${host}:${server.port}`;
}

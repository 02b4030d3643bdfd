/**
 * Error texts of gateways and of the users linked to them (docs/emulator-gateways.md). PingOne's wording
 * is not published for these cases (docs/emulator.md#error-bodies), so they are plain descriptions kept
 * in one place.
 */
export const GatewayMessages = {
  typeNotEmulated: "is a gateway type the emulator does not serve; only LDAP gateways are emulated",
  hostAndPort: "must be host:port (a host name, an IPv4 or IPv6 address, and a port from 1 to 65535)",
  distinguishedName: "must be a distinguished name such as ou=users,dc=example,dc=com",
  filterPattern: `must be an LDAP filter (RFC 4515) that contains \${identifier}`,
  attributeMapping: `must be \${ldapAttribute} placeholders, optionally with literal text around them`,
  attributeName: "must be a PingOne attribute name such as username or name.given",
  usernameMapping: "must map the PingOne attribute username",
  duplicateMapping: "maps the same PingOne attribute twice",
  userTypeId: "must be a UUID",
  duplicateUserTypeId: "is used by another user type of this gateway",
  unknownGateway: "does not identify a gateway of this environment",
  unknownUserType: "does not identify a user type of this gateway",
  correlationAttributes: "must map LDAP attribute names to non-empty string values",
  correlationAttributeName: "is not an LDAP attribute name",
  valueWithLdapAuthority:
    "cannot be set for a user linked to a user type whose password authority is LDAP; the directory holds the password",
  linkGone: "The user's gateway or user type no longer exists.",
  gatewayUnavailable: "The gateway could not reach its directory.",
  gatewayDisabled: "The gateway is disabled.",
} as const;

/** Passwords that must never appear in any response. */
export const BIND_PASSWORD = "bind-Secret-4f1c";
export const KERBEROS_PASSWORD = "kerberos-Secret-9d2e";

export const EMPLOYEES_USER_TYPE_ID = "3f6c2a10-5b7e-4c1d-9a8b-0e1f2a3b4c5d";

/**
 * A valid `POST P/gateways` body for an LDAP gateway with two user types: "Employees" (migration on,
 * users created in `populationId`) and "Legacy" (migration off, no id: the emulator assigns one).
 * `overrides` replace top-level attributes; an `undefined` value removes one.
 */
export function ldapGatewayBody(
  populationId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> & { userTypes: Record<string, unknown>[] } {
  const body: Record<string, unknown> = {
    name: "Corporate LDAP",
    description: "The on-premises directory",
    type: "LDAP",
    enabled: true,
    vendor: "LDAPv3-compliant Directory Server",
    serversHostAndPort: ["127.0.0.1:389"],
    bindDN: "cn=admin,dc=example,dc=com",
    bindPassword: BIND_PASSWORD,
    connectionSecurity: "None",
    validateTlsCertificates: true,
    userTypes: [
      {
        id: EMPLOYEES_USER_TYPE_ID,
        name: "Employees",
        searchBaseDn: "ou=users,dc=example,dc=com",
        passwordAuthority: "LDAP",
        orderedCorrelationAttributes: ["uid", "mail"],
        newUserLookup: {
          ldapFilterPattern: `(&(objectClass=inetOrgPerson)(|(uid=\${identifier})(mail=\${identifier})))`,
          population: { id: populationId },
          attributeMappings: [
            { name: "username", value: `\${uid}` },
            { name: "email", value: `\${mail}` },
            { name: "name.given", value: `\${givenName}` },
            { name: "name.formatted", value: `\${givenName} \${sn}` },
          ],
        },
      },
      {
        name: "Legacy",
        searchBaseDn: "ou=legacy,dc=example,dc=com",
        passwordAuthority: "LDAP",
        orderedCorrelationAttributes: ["uid"],
      },
    ],
  };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete body[key];
    else body[key] = value;
  }
  return body as Record<string, unknown> & { userTypes: Record<string, unknown>[] };
}

import type { Slapd } from "pingone-test-servers";
import type { PingOneClient } from "../../src/client/types.js";
import { uniqueName } from "./directory-setup.js";

/** The mappings of a migrating user type: username from uid, email, given and family name. */
const MAPPINGS = [
  { name: "username", value: `\${uid}` },
  { name: "email", value: `\${mail}` },
  { name: "name.given", value: `\${givenName}` },
  { name: "name.family", value: `\${sn}` },
];

export interface KerberosGateway {
  id: string;
  /** User type name → id, as the emulator assigned them. */
  userTypeIds: Record<string, string>;
}

/**
 * Creates, through the PingOne API (setup, not the code under test), an LDAP gateway whose
 * directory is the given slapd, with Kerberos on unless `kerberos: false`. User types with a
 * `populationId` migrate users (newUserLookup); the others do not.
 */
export async function createKerberosGatewayViaApi(
  client: PingOneClient,
  slapd: Slapd,
  userTypes: { name: string; searchBaseDn: string; populationId?: string }[],
  options: { kerberos?: boolean } = {},
): Promise<KerberosGateway> {
  const response = await client.request<{ id: string; userTypes: { id: string; name: string }[] }>({
    method: "POST",
    path: `/environments/${client.environmentId}/gateways`,
    body: {
      name: uniqueName("active-directory"),
      type: "LDAP",
      enabled: true,
      vendor: "Microsoft Active Directory",
      serversHostAndPort: [slapd.hostAndPort],
      bindDN: slapd.bindDn,
      bindPassword: slapd.bindPassword,
      connectionSecurity: "None",
      kerberos:
        options.kerberos === false
          ? null
          : {
              serviceAccountUserPrincipalName: "svc-pingone@EXAMPLE.COM",
              serviceAccountPassword: "svc-Secret-1",
            },
      userTypes: userTypes.map((type) => ({
        name: type.name,
        searchBaseDn: type.searchBaseDn,
        passwordAuthority: "LDAP",
        orderedCorrelationAttributes: ["uid", "mail"],
        ...(type.populationId
          ? {
              newUserLookup: {
                ldapFilterPattern: `(&(objectClass=inetOrgPerson)(uid=\${identifier}))`,
                population: { id: type.populationId },
                attributeMappings: MAPPINGS,
              },
            }
          : {}),
      })),
    },
  });
  const userTypeIds = Object.fromEntries(response.body.userTypes.map((type) => [type.name, type.id]));
  return { id: response.body.id, userTypeIds };
}

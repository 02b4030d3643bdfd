import type { Slapd } from "pingone-test-servers";
import type { PingOneClient } from "../../src/client/types.js";
import type { GatewayDirectorySetting } from "../../src/config/gateway-directories.js";
import { uniqueName } from "./directory-setup.js";

/** One user type of a test gateway; `population` set means migration on (newUserLookup). */
export interface TestUserType {
  name: string;
  searchBaseDn: string;
  passwordAuthority: "LDAP" | "PING_ONE";
  orderedCorrelationAttributes?: string[];
  /** Migration on: new users go to this population, with these mappings (default: username, email, name). */
  newUserLookup?: {
    populationId: string;
    ldapFilterPattern?: string;
    attributeMappings?: { name: string; value: string }[];
  };
}

export interface TestGateway {
  id: string;
  /** User type name → id, as the emulator assigned them. */
  userTypeIds: Record<string, string>;
}

/** The mappings most directories need: username from uid, email, given and family name. */
export const DEFAULT_MAPPINGS = [
  { name: "username", value: `\${uid}` },
  { name: "email", value: `\${mail}` },
  { name: "name.given", value: `\${givenName}` },
  { name: "name.family", value: `\${sn}` },
];

/**
 * Creates an LDAP gateway through the PingOne API (setup, not the code under test) whose
 * directory is the given slapd, reached with its root DN. With `kerberos`, the gateway has
 * Kerberos on (a service account), as Authenticate User via Kerberos requires.
 */
export async function createLdapGatewayViaApi(
  client: PingOneClient,
  slapd: Slapd,
  userTypes: TestUserType[],
  options: { kerberos?: boolean } = {},
): Promise<TestGateway> {
  const response = await client.request<{ id: string; userTypes: { id: string; name: string }[] }>({
    method: "POST",
    path: `/environments/${client.environmentId}/gateways`,
    body: {
      name: uniqueName("directory"),
      type: "LDAP",
      enabled: true,
      vendor: "LDAPv3-compliant Directory Server",
      serversHostAndPort: [slapd.hostAndPort],
      bindDN: slapd.bindDn,
      bindPassword: slapd.bindPassword,
      connectionSecurity: "None",
      ...(options.kerberos
        ? {
            kerberos: {
              serviceAccountUserPrincipalName: "svc-pingone@EXAMPLE.COM",
              serviceAccountPassword: "svc-Kerberos-pw-1",
            },
          }
        : {}),
      userTypes: userTypes.map((type) => ({
        name: type.name,
        searchBaseDn: type.searchBaseDn,
        passwordAuthority: type.passwordAuthority,
        orderedCorrelationAttributes: type.orderedCorrelationAttributes ?? ["uid"],
        ...(type.newUserLookup
          ? {
              newUserLookup: {
                ldapFilterPattern:
                  type.newUserLookup.ldapFilterPattern ??
                  `(&(objectClass=inetOrgPerson)(uid=\${identifier}))`,
                population: { id: type.newUserLookup.populationId },
                attributeMappings: type.newUserLookup.attributeMappings ?? DEFAULT_MAPPINGS,
              },
            }
          : {}),
      })),
    },
  });
  const userTypeIds = Object.fromEntries(response.body.userTypes.map((type) => [type.name, type.id]));
  return { id: response.body.id, userTypeIds };
}

/** The connection's `gatewayDirectories` entry that points the connector at the same slapd. */
export function directorySettingFor(
  slapd: Slapd,
  overrides: Partial<GatewayDirectorySetting> = {},
): GatewayDirectorySetting {
  return { url: slapd.url, bindDn: slapd.bindDn, bindPassword: slapd.bindPassword, ...overrides };
}

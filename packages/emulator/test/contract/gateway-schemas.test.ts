import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { expectMatchesSchema, schemaErrors, validatorFor } from "./schema-validators.js";

// The overlay schemas of gateways must reject a body that leaks a password, or the gateway tests built
// on them prove nothing.
const links = { self: { href: "http://127.0.0.1:4600/v1/environments/x/gateways/y" } };

const gateway = {
  _links: links,
  id: randomUUID(),
  environment: { id: randomUUID() },
  name: "Corporate LDAP",
  type: "LDAP",
  enabled: true,
  vendor: "PingDirectory",
  serversHostAndPort: ["ldap.example.com:636"],
  bindDN: "cn=svc,dc=example,dc=com",
  connectionSecurity: "TLS",
  validateTlsCertificates: true,
  followReferrals: false,
  userTypes: [
    {
      id: randomUUID(),
      name: "Employees",
      searchBaseDn: "ou=users,dc=example,dc=com",
      passwordAuthority: "LDAP",
      orderedCorrelationAttributes: ["uid"],
      allowPasswordChanges: false,
      updateUserOnSuccessfulAuthentication: false,
    },
  ],
};

describe("gateway contract schemas", () => {
  it("compiles the gateway schemas", () => {
    for (const name of ["LdapGatewayResponse", "Collection.gateways", "PasswordState"] as const) {
      expect(typeof validatorFor(name)).toBe("function");
    }
  });

  it("accepts an LDAP gateway and refuses one that carries a password or a bad enum", () => {
    expectMatchesSchema(gateway, "LdapGatewayResponse");
    expect(schemaErrors({ ...gateway, bindPassword: "x" }, "LdapGatewayResponse")).toBeDefined();
    expect(
      schemaErrors(
        { ...gateway, kerberos: { serviceAccountUserPrincipalName: "a@B", serviceAccountPassword: "x" } },
        "LdapGatewayResponse",
      ),
    ).toBeDefined();
    expect(schemaErrors({ ...gateway, connectionSecurity: "SSL" }, "LdapGatewayResponse")).toMatch(
      /connectionSecurity/,
    );
    expect(
      schemaErrors(
        { ...gateway, userTypes: [{ ...gateway.userTypes[0], id: undefined }] },
        "LdapGatewayResponse",
      ),
    ).toMatch(/id/);
  });
});

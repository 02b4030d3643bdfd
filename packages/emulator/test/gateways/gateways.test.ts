import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectCollection, expectMatchesSchema, expectPingOneError } from "../contract/schema-validators.js";
import {
  type EmulatorFixture,
  fetchToken,
  provisionEnvironment,
  send,
  startEmulatorFixture,
} from "../support/emulator-harness.js";
import {
  BIND_PASSWORD,
  EMPLOYEES_USER_TYPE_ID,
  KERBEROS_PASSWORD,
  ldapGatewayBody,
} from "./gateway-bodies.js";

let fixture: EmulatorFixture;
let populationId: string;

beforeAll(async () => {
  fixture = await startEmulatorFixture();
  const populations = await fixture.api("GET", "/populations");
  populationId = populations.body._embedded.populations[0].id;
});

afterAll(async () => {
  await fixture.stop();
});

/** Every response text that could carry a gateway must be free of its write-only passwords. */
function expectNoSecrets(text: string): void {
  expect(text).not.toContain(BIND_PASSWORD);
  expect(text).not.toContain(KERBEROS_PASSWORD);
  expect(text).not.toContain("bindPassword");
  expect(text).not.toContain("serviceAccountPassword");
}

describe("LDAP gateways", () => {
  it("creates, reads, lists, replaces and deletes a gateway, never returning its passwords", async () => {
    const body = ldapGatewayBody(populationId, {
      kerberos: {
        serviceAccountUserPrincipalName: "svc@EXAMPLE.COM",
        serviceAccountPassword: KERBEROS_PASSWORD,
        minutesToRetainPreviousCredentials: 30,
      },
    });
    const created = await fixture.api("POST", "/gateways", { body });
    expect(created.status).toBe(201);
    expectMatchesSchema(created.body, "LdapGatewayResponse");
    expectNoSecrets(created.text);
    const gatewayId = created.body.id;
    expect(created.body).toMatchObject({
      environment: { id: fixture.environment.environmentId },
      name: "Corporate LDAP",
      type: "LDAP",
      enabled: true,
      vendor: "LDAPv3-compliant Directory Server",
      serversHostAndPort: ["127.0.0.1:389"],
      bindDN: "cn=admin,dc=example,dc=com",
      connectionSecurity: "None",
      validateTlsCertificates: true,
      followReferrals: false,
      kerberos: {
        serviceAccountUserPrincipalName: "svc@EXAMPLE.COM",
        minutesToRetainPreviousCredentials: 30,
      },
    });
    expect(created.body._links.self.href).toBe(
      `${fixture.url}/v1/environments/${fixture.environment.environmentId}/gateways/${gatewayId}`,
    );
    const [employees, legacy] = created.body.userTypes;
    // A user type sent with an id keeps it; one sent without gets a fresh UUID.
    expect(employees).toEqual({
      ...body.userTypes[0],
      allowPasswordChanges: false,
      updateUserOnSuccessfulAuthentication: false,
    });
    expect(legacy.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(legacy).not.toHaveProperty("newUserLookup");

    const read = await fixture.api("GET", `/gateways/${gatewayId}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
    expectNoSecrets(read.text);

    const listed = await fixture.api("GET", "/gateways");
    expect(listed.status).toBe(200);
    expectCollection(listed.body, "gateways");
    expect(listed.body._embedded.gateways.map((g: { id: string }) => g.id)).toEqual([gatewayId]);
    expect(listed.body.count).toBe(1);
    expectNoSecrets(listed.text);

    // PUT replaces: the Kerberos settings not sent are gone, the description too.
    const replacement = ldapGatewayBody(populationId, {
      name: "Corporate LDAP - renamed",
      enabled: false,
      connectionSecurity: "StartTLS",
      validateTlsCertificates: false,
      description: undefined,
      userTypes: [{ ...body.userTypes[0], passwordAuthority: "PING_ONE", allowPasswordChanges: true }],
    });
    const replaced = await fixture.api("PUT", `/gateways/${gatewayId}`, { body: replacement });
    expect(replaced.status).toBe(200);
    expectMatchesSchema(replaced.body, "LdapGatewayResponse");
    expectNoSecrets(replaced.text);
    expect(replaced.body).toMatchObject({
      id: gatewayId,
      name: "Corporate LDAP - renamed",
      enabled: false,
      connectionSecurity: "StartTLS",
      validateTlsCertificates: false,
    });
    expect(replaced.body).not.toHaveProperty("kerberos");
    expect(replaced.body).not.toHaveProperty("description");
    expect(replaced.body.userTypes).toEqual([
      expect.objectContaining({
        id: employees.id,
        passwordAuthority: "PING_ONE",
        allowPasswordChanges: true,
      }),
    ]);

    const deleted = await fixture.api("DELETE", `/gateways/${gatewayId}`);
    expect(deleted.status).toBe(204);
    const gone = await fixture.api("GET", `/gateways/${gatewayId}`);
    expect(gone.status).toBe(404);
    expectPingOneError(404, gone.body);
    expect((await fixture.api("DELETE", `/gateways/${gatewayId}`)).status).toBe(404);
  });

  it("keeps the bind password out of the stored settings, and in the stored secrets", async () => {
    const created = await fixture.api("POST", "/gateways", {
      body: ldapGatewayBody(populationId, { name: "Storage check" }),
    });
    const row = fixture.emulator.db
      .prepare("SELECT settings, secrets FROM gateways WHERE id = ?")
      .get(created.body.id) as {
      settings: string;
      secrets: string;
    };
    expect(row.settings).not.toContain(BIND_PASSWORD);
    expect(JSON.parse(row.secrets)).toEqual({ bindPassword: BIND_PASSWORD });
  });

  it("refuses a gateway name already used in the environment, ignoring case", async () => {
    const first = await fixture.api("POST", "/gateways", {
      body: ldapGatewayBody(populationId, { name: "Unique" }),
    });
    expect(first.status).toBe(201);
    const clash = await fixture.api("POST", "/gateways", {
      body: ldapGatewayBody(populationId, { name: "UNIQUE" }),
    });
    expect(clash.status).toBe(400);
    expectPingOneError(400, clash.body);
    expect(clash.body.details[0]).toMatchObject({
      code: "UNIQUENESS_VIOLATION",
      target: "name",
      innerError: { existingId: first.body.id },
    });
    const other = await fixture.api("POST", "/gateways", {
      body: ldapGatewayBody(populationId, { name: "Other" }),
    });
    const renamed = await fixture.api("PUT", `/gateways/${other.body.id}`, {
      body: ldapGatewayBody(populationId, { name: "unique" }),
    });
    expect(renamed.status).toBe(400);
    expect(renamed.body.details[0].code).toBe("UNIQUENESS_VIOLATION");
  });

  it("reports every problem of a bad body with its target, and stores nothing", async () => {
    const before = (await fixture.api("GET", "/gateways")).body.count;
    const missing = await fixture.api("POST", "/gateways", {
      body: { name: "Incomplete", type: "LDAP", enabled: true },
    });
    expect(missing.status).toBe(400);
    expectPingOneError(400, missing.body);
    expect(missing.body.code).toBe("INVALID_DATA");
    expect(missing.body.details.map((d: { target: string; code: string }) => [d.code, d.target])).toEqual([
      ["REQUIRED_VALUE", "vendor"],
      ["REQUIRED_VALUE", "serversHostAndPort"],
      ["REQUIRED_VALUE", "bindDN"],
      ["REQUIRED_VALUE", "bindPassword"],
    ]);

    const valid = ldapGatewayBody(populationId);
    const bad = await fixture.api("POST", "/gateways", {
      body: {
        ...valid,
        name: "Bad <gateway>",
        vendor: "OpenLDAP",
        connectionSecurity: "SSL",
        serversHostAndPort: ["ldap.example.com", "ldap.example.com:70000", "[::1]:636"],
        bindDN: "admin",
        id: "chosen",
        userTypes: [
          {
            ...valid.userTypes[0],
            id: "not-a-uuid",
            passwordAuthority: "EVERYONE",
            orderedCorrelationAttributes: ["uid", "bad attribute"],
            newUserLookup: {
              ldapFilterPattern: "(uid=nobody)",
              population: { id: crypto.randomUUID() },
              attributeMappings: [
                { name: "email", value: `\${mail}` },
                { name: "email", value: "$mail" },
              ],
            },
          },
          { name: "No base", passwordAuthority: "LDAP", orderedCorrelationAttributes: [] },
        ],
      },
    });
    expect(bad.status).toBe(400);
    expectPingOneError(400, bad.body);
    const targets = bad.body.details.map((d: { target: string }) => d.target);
    expect(targets).toEqual(
      expect.arrayContaining([
        "name",
        "vendor",
        "connectionSecurity",
        "id",
        "userTypes[0].passwordAuthority",
        "userTypes[0].orderedCorrelationAttributes[1]",
        "userTypes[1].searchBaseDn",
        "userTypes[1].orderedCorrelationAttributes",
      ]),
    );
    expect(
      bad.body.details.find((d: { target: string }) => d.target === "vendor").innerError.allowedValues,
    ).toContain("PingDirectory");

    // Once the declarative checks pass, the semantic ones: servers, DNs, the filter, mappings, references.
    const semantic = await fixture.api("POST", "/gateways", {
      body: {
        ...valid,
        serversHostAndPort: ["ldap.example.com", "ldap.example.com:70000", "[::1]:636", "2001:db8::7334:389"],
        bindDN: "admin",
        userTypes: [
          {
            ...valid.userTypes[0],
            id: "not-a-uuid",
            newUserLookup: {
              ldapFilterPattern: "(uid=nobody)",
              population: { id: crypto.randomUUID() },
              attributeMappings: [
                { name: "email", value: `\${mail}` },
                { name: "email", value: "$mail" },
              ],
            },
          },
          { ...valid.userTypes[1], id: EMPLOYEES_USER_TYPE_ID },
          { ...valid.userTypes[1], id: EMPLOYEES_USER_TYPE_ID.toUpperCase() },
        ],
      },
    });
    expect(semantic.status).toBe(400);
    expect(semantic.body.details.map((d: { target: string; code: string }) => [d.code, d.target])).toEqual([
      ["INVALID_VALUE", "serversHostAndPort[0]"],
      ["INVALID_VALUE", "serversHostAndPort[1]"],
      ["INVALID_VALUE", "bindDN"],
      ["INVALID_VALUE", "userTypes[0].id"],
      ["INVALID_VALUE", "userTypes[0].newUserLookup.ldapFilterPattern"],
      ["INVALID_VALUE", "userTypes[0].newUserLookup.population.id"],
      ["INVALID_VALUE", "userTypes[0].newUserLookup.attributeMappings[1].name"],
      ["INVALID_VALUE", "userTypes[0].newUserLookup.attributeMappings[1].value"],
      ["REQUIRED_VALUE", "userTypes[0].newUserLookup.attributeMappings"],
      ["INVALID_VALUE", "userTypes[2].id"],
    ]);
    expect((await fixture.api("GET", "/gateways")).body.count).toBe(before);
  });

  it("serves LDAP gateways only, naming the other PingOne gateway types", async () => {
    const radius = await fixture.api("POST", "/gateways", {
      body: { name: "Radius", type: "RADIUS", enabled: true },
    });
    expect(radius.status).toBe(400);
    expectPingOneError(400, radius.body);
    expect(radius.body.details[0]).toMatchObject({
      code: "INVALID_VALUE",
      target: "type",
      innerError: { allowedValues: ["LDAP"] },
    });
    const unknown = await fixture.api("POST", "/gateways", {
      body: { name: "X", type: "SMTP", enabled: true },
    });
    expect(unknown.body.details[0].innerError.allowedValues).toContain("PING_FEDERATE");
    const untyped = await fixture.api("POST", "/gateways", { body: { name: "X", enabled: true } });
    expect(untyped.body.details[0]).toMatchObject({ code: "REQUIRED_VALUE", target: "type" });
  });

  it("lets an Identity Data Admin read gateways but only an Environment Admin change them", async () => {
    const created = await fixture.api("POST", "/gateways", {
      body: ldapGatewayBody(populationId, { name: "Roles check" }),
    });
    const dataAdmin = await provisionEnvironment(fixture.url, { roles: ["Identity Data Admin"] });
    const token = await fetchToken(dataAdmin);
    const base = `${fixture.url}/v1/environments/${dataAdmin.environmentId}/gateways`;
    expect((await send("GET", base, { token })).status).toBe(200);
    const refused = await send("POST", base, { token, body: ldapGatewayBody(populationId) });
    expect(refused.status).toBe(403);
    expectPingOneError(403, refused.body);
    // Another environment's token never reaches this environment's gateways.
    const foreign = await send(
      "GET",
      `${fixture.url}/v1/environments/${fixture.environment.environmentId}/gateways/${created.body.id}`,
      { token },
    );
    expect(foreign.status).toBe(403);
  });
});

import {
  type Kdc,
  type KerberosCredentials,
  type Slapd,
  startKdc,
  startSlapd,
  userEntry,
} from "pingone-test-servers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConnectionSettings } from "../../src/config/connection.js";
import { type Connector, createConnector } from "../../src/connector.js";
import { invokeError, invokeOk } from "../support/capability-harness.js";
import { createPopulationViaApi } from "../support/directory-setup.js";
import {
  createTestUser,
  type EmulatorEnvironment,
  requestCount,
  startEmulatorEnvironment,
} from "../support/emulator-environment.js";
import { createLdapGatewayViaApi, directorySettingFor, type TestGateway } from "../support/gateway-setup.js";
import { spnegoToken } from "../support/kerberos-client.js";

/**
 * kerberosAuthentication through the library with tokens made by the GSSAPI client binding from
 * kinit caches of a real MIT KDC, validated with the KDC's keytab, principals found in a real
 * slapd through the emulator's gateway, users found or imported in the emulator over HTTP.
 */

const PEOPLE = "ou=people,dc=example,dc=com";
const STAFF = "ou=staff,dc=example,dc=com";
const PASSWORDS = {
  alice: "alice-pw-1",
  bob: "bob-pw-2",
  carol: "carol-pw-3",
  dora: "dora-pw-4",
  "x*": "x-pw-5",
};

let kdc: Kdc;
let slapd: Slapd;
let env: EmulatorEnvironment;
let gateway: TestGateway;
let populationId: string;
let connection: ConnectionSettings;
let connector: Connector;
const credentials: Record<string, KerberosCredentials> = {};
/** Every answer of the file, searched at the end for the keytab's path and the tokens. */
const answers: unknown[] = [];
const tokensSent: string[] = [];

async function tokenFor(user: keyof typeof PASSWORDS): Promise<string> {
  const token = await spnegoToken(credentials[user]!);
  tokensSent.push(token);
  return token;
}

function input(kerberosTicket: string | undefined, extra: Record<string, unknown> = {}) {
  return {
    gatewayId: gateway.id,
    userTypeId: gateway.userTypeIds.People!,
    additionalGatewayUserTypeList: [
      { name: gateway.id, value: gateway.userTypeIds.Staff!, preferredDataType: "string" },
    ],
    ...(kerberosTicket === undefined ? {} : { kerberosTicket }),
    ...extra,
  };
}

async function ok(on: Connector, value: unknown) {
  const output = await invokeOk(on, "kerberosAuthentication", value);
  answers.push(output);
  return output as typeof output & {
    user: { id: string; username: string; email?: string; population?: { id: string } };
    kerberosPrincipal: string;
    userCreated: boolean;
  };
}

async function failure(on: Connector, value: unknown) {
  const error = await invokeError(on, "kerberosAuthentication", value);
  answers.push(error);
  return error;
}

async function passwordState(userId: string) {
  const response = await env.client.request<{
    status: string;
    external?: { gateway?: Record<string, unknown> };
  }>({
    method: "GET",
    path: `/environments/${env.environment.environmentId}/users/${userId}/password`,
  });
  return response.body;
}

beforeAll(async () => {
  [kdc, slapd, env] = await Promise.all([
    startKdc({
      principals: Object.entries(PASSWORDS).map(([name, password]) => ({ name, password })),
    }),
    startSlapd({
      baseDns: [PEOPLE, STAFF],
      entries: [
        userEntry(PEOPLE, {
          uid: "alice",
          givenName: "Alice",
          sn: "Archer",
          mail: "alice@example.com",
          password: "dir-1",
        }),
        userEntry(PEOPLE, {
          uid: "bob",
          givenName: "Bob",
          sn: "Baker",
          mail: "bob@example.com",
          password: "dir-2",
        }),
        // Found by an unescaped (uid=x*) filter: the principal x* must not sign on as xavier.
        userEntry(PEOPLE, {
          uid: "xavier",
          givenName: "Xavier",
          sn: "Xu",
          mail: "xavier@example.com",
          password: "dir-3",
        }),
        userEntry(STAFF, {
          uid: "dora",
          givenName: "Dora",
          sn: "Dunn",
          mail: "dora@example.com",
          password: "dir-4",
        }),
      ],
    }),
    startEmulatorEnvironment(),
  ]);
  populationId = (await createPopulationViaApi(env.client)).id;
  gateway = await createLdapGatewayViaApi(
    env.client,
    slapd,
    [
      {
        name: "People",
        searchBaseDn: PEOPLE,
        passwordAuthority: "LDAP",
        orderedCorrelationAttributes: ["uid", "mail"],
        newUserLookup: { populationId },
      },
      { name: "Staff", searchBaseDn: STAFF, passwordAuthority: "LDAP" },
    ],
    { kerberos: true },
  );
  // Dora was provisioned into PingOne by other means: her user type does not migrate users.
  await createTestUser(env.client, { username: "dora", email: "dora@example.com" });
  connection = {
    ...env.connection,
    gatewayDirectories: { [gateway.id]: directorySettingFor(slapd) },
    kerberos: { keytab: kdc.keytabPath, servicePrincipal: kdc.servicePrincipal },
  };
  connector = createConnector(connection, { client: { retry: { maxAttempts: 1 } } });
  for (const name of Object.keys(PASSWORDS))
    credentials[name] = await kdc.kinit(name, PASSWORDS[name as keyof typeof PASSWORDS]);
});

afterAll(async () => {
  await connector?.close();
  await Promise.all([env?.stop(), slapd?.stop(), kdc?.stop()]);
});

describe("kerberosAuthentication with a GSSAPI client's token", () => {
  it("imports a directory user at the first sign-on, linked to the gateway with an EXTERNAL password, and finds it at the next", async () => {
    const first = await ok(connector, input(await tokenFor("alice")));
    expect(first.kerberosPrincipal).toBe("alice@EXAMPLE.COM");
    expect(first.userCreated).toBe(true);
    expect(first.statusCode).toBe(201);
    expect(first.user).toMatchObject({
      username: "alice",
      email: "alice@example.com",
      name: { given: "Alice", family: "Archer" },
      population: { id: populationId },
    });
    expect(first.user).not.toHaveProperty("_links");
    expect(first.rawResponse).toMatchObject({ id: first.user.id, username: "alice" });
    const state = await passwordState(first.user.id);
    expect(state.status).toBe("EXTERNAL");
    expect(state.external?.gateway).toMatchObject({
      id: gateway.id,
      userType: { id: gateway.userTypeIds.People },
      correlationAttributes: { uid: "alice", mail: "alice@example.com" },
    });

    // A browser makes a new token for every request; the same user comes back, nothing is imported.
    const again = await ok(connector, { properties: input(`Negotiate ${await tokenFor("alice")}`) });
    expect(again).toMatchObject({
      userCreated: false,
      statusCode: 200,
      user: { id: first.user.id, username: "alice" },
    });
    expect(again.rawResponse).toMatchObject({ id: first.user.id, _links: expect.any(Object) });
  });

  it("signs on a user of a user type that does not migrate when PingOne has the user, by the principal's name", async () => {
    const dora = await ok(connector, input(await tokenFor("dora")));
    expect(dora).toMatchObject({
      userCreated: false,
      kerberosPrincipal: "dora@EXAMPLE.COM",
      user: { username: "dora" },
    });
  });

  it("imports nothing with createUserIfNotFound off: noUserMatch", async () => {
    const before = await env.client.request<{
      count?: number;
      size?: number;
      _embedded: { users: unknown[] };
    }>({
      method: "GET",
      path: `/environments/${env.environment.environmentId}/users`,
      query: { filter: 'username eq "bob"' },
    });
    expect(before.body._embedded.users).toHaveLength(0);
    const error = await failure(connector, input(await tokenFor("bob"), { createUserIfNotFound: false }));
    expect(error.code).toBe("noUserMatch");
    expect(error.httpResponseCode).toBe(404);
    expect(error.message).toContain("createUserIfNotFound is off");
    const after = await env.client.request<{ _embedded: { users: unknown[] } }>({
      method: "GET",
      path: `/environments/${env.environment.environmentId}/users`,
      query: { filter: 'username eq "bob"' },
    });
    expect(after.body._embedded.users).toHaveLength(0);
  });

  it("is noUserMatch for a principal with no directory entry under any selected user type, and escapes the principal in the filter", async () => {
    const carol = await failure(connector, input(await tokenFor("carol")));
    expect(carol.code).toBe("noUserMatch");
    expect(carol.message).toContain("carol@EXAMPLE.COM");
    // (uid=x*) would have found xavier.
    const star = await failure(connector, input(await tokenFor("x*")));
    expect(star.code).toBe("noUserMatch");
  });

  it("is kerberosTicketMissing (401) without a token, before any PingOne call", async () => {
    const before = await requestCount(env.url);
    for (const ticket of [undefined, "", "  ", "Negotiate", "negotiate "]) {
      const error = await failure(connector, input(ticket));
      expect(error.code, JSON.stringify(ticket)).toBe("kerberosTicketMissing");
      expect(error.httpResponseCode).toBe(401);
    }
    expect(await requestCount(env.url)).toBe(before);
  });

  it("is kerberosTicketInvalid for garbage, an NTLM token, a replayed token and a token of another realm's service, before any PingOne call", async () => {
    const before = await requestCount(env.url);
    const garbage = await failure(connector, input("not a token!"));
    expect(garbage).toMatchObject({ code: "kerberosTicketInvalid", httpResponseCode: 401 });
    expect(garbage.message).toContain("not base64");
    const random = await failure(connector, input(Buffer.from("hello, kerberos").toString("base64")));
    expect(random.code).toBe("kerberosTicketInvalid");
    expect(random.message).toContain("refused");
    const ntlm = await failure(connector, input(Buffer.from("NTLMSSP\0\x01\0\0\0").toString("base64")));
    expect(ntlm.message).toContain("NTLM");

    const token = await tokenFor("bob");
    await failure(connector, input(token, { createUserIfNotFound: false })); // accepted once (noUserMatch)
    const replay = await failure(connector, input(token));
    expect(replay.code).toBe("kerberosTicketInvalid");
    expect(replay.message).toMatch(/replay/i);
    expect(await requestCount(env.url)).toBe(before + 2); // the accepted token's gateway and user reads
  });

  it("refuses an oversized token as kerberosTicketInvalid with its size in details, never a 5xx", async () => {
    const huge = "A".repeat(70_000);
    const error = await failure(connector, input(huge));
    expect(error).toMatchObject({
      code: "kerberosTicketInvalid",
      httpResponseCode: 413,
      details: [{ rawResponse: { tokenLength: 70_000, maxTokenLength: 65_536 }, statusCode: 413 }],
    });
  });

  it("refuses a valid ticket of a realm that is not accepted", async () => {
    const strict = createConnector(
      {
        ...connection,
        kerberos: {
          keytab: kdc.keytabPath,
          servicePrincipal: kdc.servicePrincipal,
          acceptedRealms: ["CORP.TEST"],
        },
      },
      { client: { retry: { maxAttempts: 1 } } },
    );
    try {
      const error = await failure(strict, input(await tokenFor("alice")));
      expect(error.code).toBe("kerberosTicketInvalid");
      expect(error.message).toContain("alice@EXAMPLE.COM is of realm EXAMPLE.COM, which is not accepted");
    } finally {
      await strict.close();
    }
  });

  it("says what is missing when the connector cannot validate tickets, without naming the keytab's path", async () => {
    const unconfigured = createConnector(env.connection, { client: { retry: { maxAttempts: 1 } } });
    const missingKeytab = createConnector(
      {
        ...connection,
        kerberos: { keytab: `${kdc.directory}/no-such.keytab`, servicePrincipal: kdc.servicePrincipal },
      },
      { client: { retry: { maxAttempts: 1 } } },
    );
    const otherService = createConnector(
      {
        ...connection,
        kerberos: { keytab: kdc.keytabPath, servicePrincipal: "HTTP/sso.example.com@EXAMPLE.COM" },
      },
      { client: { retry: { maxAttempts: 1 } } },
    );
    try {
      const none = await failure(unconfigured, input(await tokenFor("alice")));
      expect(none).toMatchObject({ code: "unexpectedError", httpResponseCode: 500 });
      expect(none.message).toContain("PINGONE_KERBEROS_KEYTAB");
      const unreadable = await failure(missingKeytab, input(await tokenFor("alice")));
      expect(unreadable.code).toBe("unexpectedError");
      expect(unreadable.message).toContain("cannot be read (ENOENT)");
      expect(unreadable.message).not.toContain("no-such.keytab");
      const noKey = await failure(otherService, input(await tokenFor("alice")));
      expect(noKey.code).toBe("unexpectedError");
      expect(noKey.message).toContain("HTTP/sso.example.com@EXAMPLE.COM");
      expect(noKey.message).not.toContain(kdc.keytabPath);
    } finally {
      await Promise.all([unconfigured.close(), missingKeytab.close(), otherService.close()]);
    }
  });

  it("is notFound for an unknown gateway or user type and for a gateway with Kerberos off; invalidInput without a user type", async () => {
    const token = () => tokenFor("alice");
    const unknownGateway = await failure(
      connector,
      input(await token(), {
        gatewayId: "0b7e3f41-9c2a-4d8e-b6f5-3a1c2d4e5f60",
        additionalGatewayUserTypeList: [],
      }),
    );
    expect(unknownGateway.code).toBe("notFound");
    const unknownType = await failure(
      connector,
      input(await token(), { userTypeId: "0b7e3f41-9c2a-4d8e-b6f5-3a1c2d4e5f61" }),
    );
    expect(unknownType.code).toBe("notFound");
    const off = await createLdapGatewayViaApi(env.client, slapd, [
      { name: "People", searchBaseDn: PEOPLE, passwordAuthority: "LDAP", newUserLookup: { populationId } },
    ]);
    const kerberosOff = await failure(connector, {
      gatewayId: off.id,
      userTypeId: off.userTypeIds.People,
      kerberosTicket: await token(),
    });
    expect(kerberosOff.code).toBe("notFound");
    expect(kerberosOff.message).toContain("Kerberos off");
    const before = await requestCount(env.url);
    expect((await failure(connector, { gatewayId: gateway.id, kerberosTicket: "x" })).code).toBe(
      "invalidInput",
    );
    expect((await failure(connector, { kerberosTicket: "x" })).code).toBe("invalidInput");
    expect(await requestCount(env.url)).toBe(before);
  });

  it("takes the 2025 Input Schema's gatewayUserTypeList instead of the dropdowns", async () => {
    const output = await ok(connector, {
      gatewayUserTypeList: [
        { name: gateway.id, value: gateway.userTypeIds.Staff, preferredDataType: "string" },
      ],
      kerberosTicket: await tokenFor("dora"),
    });
    expect(output.user.username).toBe("dora");
  });

  it("dry-runs to the gateway read once the token is accepted, and reports a missing token without any request", async () => {
    const token = await tokenFor("alice");
    const report = await connector.invoke("kerberosAuthentication", input(token), { dryRun: true });
    answers.push(report);
    expect(report).toMatchObject({ complete: false, requests: [{ method: "GET" }] });
    expect(report.requests[0]!.url).toContain(`/gateways/${gateway.id}`);
    const missing = await connector.invoke("kerberosAuthentication", input(undefined), { dryRun: true });
    expect(missing).toMatchObject({ complete: true, requests: [], error: { code: "kerberosTicketMissing" } });
  });

  it("never puts the keytab's path or a token in an answer", () => {
    const text = JSON.stringify(answers);
    expect(text).not.toContain(kdc.keytabPath);
    for (const token of tokensSent) expect(text).not.toContain(token);
  });
});

describe("kerberosAuthentication with two keytabs in one process", () => {
  let other: Kdc;
  let otherConnector: Connector;

  beforeAll(async () => {
    other = await startKdc({ realm: "TWO.TEST", principals: [{ name: "dora", password: "dora-two" }] });
    otherConnector = createConnector(
      { ...connection, kerberos: { keytab: other.keytabPath, servicePrincipal: other.servicePrincipal } },
      { client: { retry: { maxAttempts: 1 } } },
    );
  });

  afterAll(async () => {
    await otherConnector?.close();
    await other?.stop();
  });

  it("validates tokens of both realms at once: KRB5_KTNAME, process-wide, is held for each validation", async () => {
    const doraTwo = await other.kinit("dora", "dora-two");
    const tokens = { one: [] as string[], two: [] as string[] };
    for (let i = 0; i < 8; i++) {
      tokens.one.push(await tokenFor("dora"));
      tokens.two.push(await spnegoToken(doraTwo));
    }
    const results = await Promise.all([
      ...tokens.one.map((token) => connector.invoke("kerberosAuthentication", input(token))),
      ...tokens.two.map((token) => otherConnector.invoke("kerberosAuthentication", input(token))),
    ]);
    const principals = results.map((result) =>
      result.ok ? result.output.kerberosPrincipal : result.message,
    );
    expect(principals).toEqual([...Array(8).fill("dora@EXAMPLE.COM"), ...Array(8).fill("dora@TWO.TEST")]);
  });
});

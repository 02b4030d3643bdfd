import { type Slapd, startSlapd, userEntry } from "pingone-test-servers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectPingOneError } from "../contract/schema-validators.js";
import { type EmulatorFixture, type HttpResult, startEmulatorFixture } from "../support/emulator-harness.js";
import { EMPLOYEES_USER_TYPE_ID, ldapGatewayBody } from "./gateway-bodies.js";

// A gateway's connectionSecurity against a real slapd with LDAPS and StartTLS and a self-signed
// certificate (docs/emulator-gateways.md#password-checks).
const USERS = "ou=users,dc=example,dc=com";
const PASSWORD = "Tls-User-Pw-9";
const TIMEOUTS = { gatewayConnectTimeoutMs: 2000, gatewayOperationTimeoutMs: 2000 };

let slapd: Slapd;
/** Trusts only Node's default CAs, as a gateway without uploaded certificates. */
let plain: EmulatorFixture;
/** Also trusts the slapd's certificate (the gatewayTrustedCertificates setting). */
let trusting: EmulatorFixture;

beforeAll(async () => {
  slapd = await startSlapd({ tls: true, entries: [userEntry(USERS, { uid: "secure", password: PASSWORD })] });
  plain = await startEmulatorFixture({ settings: TIMEOUTS });
  trusting = await startEmulatorFixture({
    settings: { ...TIMEOUTS, gatewayTrustedCertificates: [slapd.certificatePem as string] },
  });
});

afterAll(async () => {
  await plain?.stop();
  await trusting?.stop();
  await slapd?.stop();
});

/** Creates a gateway with these connection settings and a user linked to it, then checks the password. */
async function checkThrough(
  fixture: EmulatorFixture,
  connection: { server: string; connectionSecurity: string; validateTlsCertificates: boolean },
): Promise<HttpResult> {
  const populationId = (await fixture.api("GET", "/populations")).body._embedded.populations[0].id;
  const gateway = await fixture.api("POST", "/gateways", {
    body: ldapGatewayBody(populationId, {
      name: `tls ${crypto.randomUUID().slice(0, 8)}`,
      serversHostAndPort: [connection.server],
      bindDN: slapd.bindDn,
      bindPassword: slapd.bindPassword,
      connectionSecurity: connection.connectionSecurity,
      validateTlsCertificates: connection.validateTlsCertificates,
    }),
  });
  expect(gateway.status, gateway.text).toBe(201);
  const username = `tls-${crypto.randomUUID().slice(0, 8)}`;
  const user = await fixture.api("POST", "/users", {
    contentType: "application/vnd.pingidentity.user.import+json",
    body: {
      username,
      email: `${username}@example.com`,
      password: {
        external: {
          gateway: {
            id: gateway.body.id,
            userType: { id: EMPLOYEES_USER_TYPE_ID },
            correlationAttributes: { uid: "secure" },
          },
        },
      },
    },
  });
  expect(user.status, user.text).toBe(201);
  return fixture.api("POST", `/users/${user.body.id}/password`, {
    contentType: "application/vnd.pingidentity.password.check+json",
    body: { password: PASSWORD },
  });
}

function expectTlsFailure(result: HttpResult): void {
  expect(result.status, result.text).toBe(503);
  expectPingOneError(503, result.body);
  expect(result.body.details[0]).toMatchObject({
    code: "GATEWAY_UNAVAILABLE",
    innerError: { reason: "TLS_FAILED" },
  });
}

describe("gateway connection security", () => {
  it("connects over LDAPS (TLS), verifying the certificate against the trusted ones", async () => {
    const ldaps = slapd.ldapsHostAndPort as string;
    const verified = await checkThrough(trusting, {
      server: ldaps,
      connectionSecurity: "TLS",
      validateTlsCertificates: true,
    });
    expect(verified.status, verified.text).toBe(200);
    expect(verified.body.status).toBe("EXTERNAL");
    expectTlsFailure(
      await checkThrough(plain, { server: ldaps, connectionSecurity: "TLS", validateTlsCertificates: true }),
    );
    // With validation off, any certificate is accepted (documented for validateTlsCertificates: false).
    const unverified = await checkThrough(plain, {
      server: ldaps,
      connectionSecurity: "TLS",
      validateTlsCertificates: false,
    });
    expect(unverified.status, unverified.text).toBe(200);
  });

  it("upgrades a plain connection with StartTLS, verifying the certificate the same way", async () => {
    const server = slapd.hostAndPort;
    const verified = await checkThrough(trusting, {
      server,
      connectionSecurity: "StartTLS",
      validateTlsCertificates: true,
    });
    expect(verified.status, verified.text).toBe(200);
    expectTlsFailure(
      await checkThrough(plain, { server, connectionSecurity: "StartTLS", validateTlsCertificates: true }),
    );
    const unverified = await checkThrough(plain, {
      server,
      connectionSecurity: "StartTLS",
      validateTlsCertificates: false,
    });
    expect(unverified.status, unverified.text).toBe(200);
  });

  it("fails with TLS_FAILED when TLS is configured for a port that speaks plain LDAP", async () => {
    expectTlsFailure(
      await checkThrough(trusting, {
        server: slapd.hostAndPort,
        connectionSecurity: "TLS",
        validateTlsCertificates: true,
      }),
    );
  });
});

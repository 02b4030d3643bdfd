import { describe, expect, it } from "vitest";
import { PingOneConfigurationError, resolveConnection } from "../../src/index.js";

const ENV_ID = "0b6e4e7c-7e5c-4a4a-9d0e-2f3c4b5a6d7e";
const GATEWAY = "5F46E4E6-8D4D-4B6A-B5C4-0A1B2C3D4E5F";
const BASE = { envId: ENV_ID, clientId: "c", clientSecret: "s", region: "NA" as const };
const BIND_PASSWORD = "bind-Secret-of-the-directory";

function problemsOf(settings: Record<string, unknown>, env: Record<string, string> = {}) {
  try {
    resolveConnection({ ...BASE, ...settings }, env);
  } catch (error) {
    expect(error).toBeInstanceOf(PingOneConfigurationError);
    expect((error as Error).message).not.toContain(BIND_PASSWORD);
    return (error as PingOneConfigurationError).problems;
  }
  throw new Error("the settings were accepted");
}

describe("gatewayDirectories connection setting", () => {
  it("is empty unless given, and fills every default for a gateway's directory", () => {
    expect(resolveConnection(BASE, {}).gatewayDirectories).toEqual({});
    const resolved = resolveConnection(
      {
        ...BASE,
        gatewayDirectories: {
          [GATEWAY]: {
            url: "ldap://ds.example.com:389/",
            bindDN: "cn=svc,dc=example,dc=com",
            bindPassword: BIND_PASSWORD,
          },
        },
      },
      {},
    );
    // Gateway ids are matched as PingOne writes them: lower case.
    expect(resolved.gatewayDirectories).toEqual({
      [GATEWAY.toLowerCase()]: {
        gatewayId: GATEWAY.toLowerCase(),
        url: "ldap://ds.example.com:389",
        bindDn: "cn=svc,dc=example,dc=com",
        bindPassword: BIND_PASSWORD,
        tls: { rejectUnauthorized: true, ca: undefined },
        timeoutMs: 10_000,
        connectTimeoutMs: 5_000,
      },
    });
  });

  it("reads PINGONE_GATEWAY_DIRECTORIES as JSON, the explicit setting taking precedence", () => {
    const json = JSON.stringify({
      [GATEWAY]: {
        url: "ldaps://ds.example.com",
        bindDn: "cn=svc",
        bindPassword: BIND_PASSWORD,
        tls: { rejectUnauthorized: false },
        timeoutMs: 2_500,
      },
    });
    const fromEnv = resolveConnection(BASE, { PINGONE_GATEWAY_DIRECTORIES: json }).gatewayDirectories;
    expect(fromEnv[GATEWAY.toLowerCase()]).toMatchObject({
      url: "ldaps://ds.example.com",
      tls: { rejectUnauthorized: false },
      timeoutMs: 2_500,
    });
    expect(
      resolveConnection({ ...BASE, gatewayDirectories: {} }, { PINGONE_GATEWAY_DIRECTORIES: json })
        .gatewayDirectories,
    ).toEqual({});
  });

  it("names every bad field, never quoting a value, which may hold a bind password", () => {
    const problems = problemsOf({
      gatewayDirectories: {
        "not-a-gateway-id": {},
        [GATEWAY]: {
          url: `ldap://admin:${BIND_PASSWORD}@ds.example.com`,
          bindDn: "",
          bindPassword: "",
          tls: { ca: "not a certificate" },
          timeoutMs: 0,
          bindPasword: BIND_PASSWORD,
        },
      },
    });
    const field = `gatewayDirectories.${GATEWAY}`;
    expect(problems.map((p) => p.field)).toEqual([
      "gatewayDirectories.not-a-gateway-id",
      `${field}.bindPasword`,
      `${field}.url`,
      `${field}.bindDn`,
      `${field}.bindPassword`,
      `${field}.tls.ca`,
      `${field}.timeoutMs`,
    ]);
    expect(problemsOf({ gatewayDirectories: "{ not json" })).toEqual([
      { field: "gatewayDirectories", problem: "must be JSON text of an object keyed by gateway id" },
    ]);
    expect(problemsOf({}, { PINGONE_GATEWAY_DIRECTORIES: `["${BIND_PASSWORD}"]` })[0]?.field).toBe(
      "PINGONE_GATEWAY_DIRECTORIES",
    );
  });

  it("refuses URLs that are not LDAP servers, and TLS options on a plain ldap:// URL", () => {
    const setting = (extra: Record<string, unknown>) => ({
      gatewayDirectories: { [GATEWAY]: { bindDn: "cn=svc", bindPassword: BIND_PASSWORD, ...extra } },
    });
    const problem = (extra: Record<string, unknown>) => problemsOf(setting(extra)).map((p) => p.problem);
    expect(problem({ url: "https://ds.example.com" })).toEqual([
      "must be an ldap://host:port or ldaps://host:port URL",
    ]);
    expect(problem({ url: "ldap://ds.example.com/dc=example,dc=com" })).toEqual([
      "must name only the server (no base DN, query or fragment)",
    ]);
    expect(problem({ url: "ldap://ds.example.com", tls: { rejectUnauthorized: false } })).toEqual([
      "applies to ldaps:// URLs only",
    ]);
    expect(problem({})).toEqual(["is required (ldap://host:port or ldaps://host:port)"]);
  });
});

import { describe, expect, it } from "vitest";
import { PingOneConfigurationError, resolveConnection } from "../../src/index.js";

const BASE = {
  envId: "0b6e4e7c-7e5c-4a4a-9d0e-2f3c4b5a6d7e",
  clientId: "c",
  clientSecret: "s",
  region: "NA" as const,
};
const KEYTAB = "/srv/secret-place/http.keytab";

function problemsOf(run: () => unknown): { field: string; problem: string }[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PingOneConfigurationError);
    expect((error as Error).message).not.toContain(KEYTAB);
    return (error as PingOneConfigurationError).problems;
  }
  throw new Error("the settings were accepted");
}

describe("the connection's kerberos settings", () => {
  it("are off without a keytab or a service principal", () => {
    expect(resolveConnection(BASE, {}).kerberos).toBeUndefined();
    expect(resolveConnection({ ...BASE, kerberos: "" }, {}).kerberos).toBeUndefined();
  });

  it("default the accepted realm to the service principal's, the filter to (uid=<user part>) and the token limit to 64 KiB", () => {
    const { kerberos } = resolveConnection(
      { ...BASE, kerberos: { keytab: KEYTAB, servicePrincipal: "HTTP/sso.example.com@EXAMPLE.COM" } },
      {},
    );
    expect(kerberos).toEqual({
      keytab: KEYTAB,
      servicePrincipal: "HTTP/sso.example.com@EXAMPLE.COM",
      hostBasedService: "HTTP@sso.example.com",
      acceptedRealms: ["EXAMPLE.COM"],
      userFilter: `(uid=\${user})`,
      maxTokenLength: 65_536,
    });
  });

  it("come from PINGONE_KERBEROS_* or from JSON text (DaVinci's connection properties are text)", () => {
    const fromEnv = resolveConnection(BASE, {
      PINGONE_KERBEROS_KEYTAB: KEYTAB,
      PINGONE_KERBEROS_SERVICE_PRINCIPAL: "HTTP/sso.example.com@EXAMPLE.COM",
      PINGONE_KERBEROS_REALMS: "EXAMPLE.COM, CORP.EXAMPLE.COM",
      PINGONE_KERBEROS_USER_FILTER: `(sAMAccountName=\${user})`,
    }).kerberos;
    expect(fromEnv).toMatchObject({
      acceptedRealms: ["EXAMPLE.COM", "CORP.EXAMPLE.COM"],
      userFilter: `(sAMAccountName=\${user})`,
    });
    const fromJson = resolveConnection(
      {
        ...BASE,
        kerberos: JSON.stringify({
          keytab: KEYTAB,
          servicePrincipal: "HTTP/sso.example.com@EXAMPLE.COM",
          userFilter: `(userPrincipalName=\${principal})`,
          maxTokenLength: 100_000,
        }),
      },
      {},
    ).kerberos;
    expect(fromJson).toMatchObject({
      userFilter: `(userPrincipalName=\${principal})`,
      maxTokenLength: 100_000,
    });
  });

  it("name every bad field, never quoting the keytab's path", () => {
    const fields = problemsOf(() =>
      resolveConnection(
        {
          ...BASE,
          kerberos: {
            keytab: KEYTAB,
            servicePrincipal: "HTTP@sso.example.com",
            userFilter: `(uid=\${name})`,
            maxTokenLength: 10,
            realm: "EXAMPLE.COM",
          } as never,
        },
        {},
      ),
    ).map((p) => p.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        "kerberos.realm",
        "kerberos.servicePrincipal",
        "kerberos.userFilter",
        "kerberos.maxTokenLength",
      ]),
    );
    const missingKeytab = problemsOf(() =>
      resolveConnection({ ...BASE, kerberos: { servicePrincipal: "HTTP/h@R" } }, {}),
    );
    expect(missingKeytab).toEqual([expect.objectContaining({ field: "kerberos.keytab" })]);
    // Without ${user} or ${principal} every client would map to the same entry.
    const sameForAll = problemsOf(() =>
      resolveConnection(
        { ...BASE, kerberos: { keytab: KEYTAB, servicePrincipal: "HTTP/h@R", userFilter: "(uid=admin)" } },
        {},
      ),
    );
    expect(sameForAll[0]?.field).toBe("kerberos.userFilter");
    expect(problemsOf(() => resolveConnection({ ...BASE, kerberos: "{not json" }, {}))[0]?.field).toBe(
      "kerberos",
    );
  });
});

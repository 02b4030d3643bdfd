import { describe, expect, it } from "vitest";
import { PingOneConfigurationError, resolveConnection } from "../../src/index.js";

const ENV_ID = "0b6e4e7c-7e5c-4a4a-9d0e-2f3c4b5a6d7e";

describe("connection settings", () => {
  it("maps every DaVinci region to its auth and API hosts", () => {
    const expected = { NA: "com", EU: "eu", CA: "ca", AP: "asia", AU: "com.au", SG: "sg" } as const;
    for (const [region, tld] of Object.entries(expected)) {
      const resolved = resolveConnection(
        { envId: ENV_ID, clientId: "c", clientSecret: "s", region: region as "NA" },
        {},
      );
      expect(resolved.apiUrl).toBe(`https://api.pingone.${tld}`);
      expect(resolved.tokenUrl).toBe(`https://auth.pingone.${tld}/${ENV_ID}/as/token`);
      expect(resolved.tokenAuthMethod).toBe("client_secret_basic");
      expect(resolved.verifyTls).toBe(true);
    }
  });

  it("accepts the Swimlane asset, deriving the auth host from a PingOne API url", () => {
    const resolved = resolveConnection(
      {
        url: "https://api.pingone.eu/",
        environmentId: ENV_ID,
        clientId: "c",
        clientSecret: "s",
        verify_ssl: false,
        http_proxy: "http://proxy.local:3128",
      },
      {},
    );
    expect(resolved.apiUrl).toBe("https://api.pingone.eu");
    expect(resolved.tokenUrl).toBe(`https://auth.pingone.eu/${ENV_ID}/as/token`);
    expect(resolved.verifyTls).toBe(false);
    expect(resolved.proxy).toBe("http://proxy.local:3128");
  });

  it("uses a custom url as both hosts unless authUrl says otherwise", () => {
    const own = resolveConnection(
      { url: "http://127.0.0.1:4600/v1", environmentId: ENV_ID, clientId: "c", clientSecret: "s" },
      {},
    );
    expect(own.apiUrl).toBe("http://127.0.0.1:4600");
    expect(own.tokenUrl).toBe(`http://127.0.0.1:4600/${ENV_ID}/as/token`);
    const split = resolveConnection(
      {
        apiUrl: "https://api.example.com",
        authUrl: "https://auth.example.com",
        envId: ENV_ID,
        clientId: "c",
        clientSecret: "s",
      },
      {},
    );
    expect(split.tokenUrl).toBe(`https://auth.example.com/${ENV_ID}/as/token`);
  });

  it("reads PINGONE_* environment variables, with explicit settings taking precedence", () => {
    const env = {
      PINGONE_ENVIRONMENT_ID: ENV_ID,
      PINGONE_CLIENT_ID: "env-client",
      PINGONE_CLIENT_SECRET: "env-secret",
      PINGONE_REGION: "ca",
      PINGONE_TOKEN_AUTH_METHOD: "client_secret_post",
    };
    const fromEnv = resolveConnection({}, env);
    expect(fromEnv).toMatchObject({
      clientId: "env-client",
      region: "CA",
      tokenAuthMethod: "client_secret_post",
    });
    expect(resolveConnection({ clientId: "explicit" }, env).clientId).toBe("explicit");
    const emulator = resolveConnection(
      {},
      { ...env, PINGONE_API_URL: "http://127.0.0.1:4600", PINGONE_AUTH_URL: "http://127.0.0.1:4600" },
    );
    expect(emulator.tokenUrl).toBe(`http://127.0.0.1:4600/${ENV_ID}/as/token`);
  });

  it("names every bad field in one error, without the secret", () => {
    let error: unknown;
    try {
      resolveConnection(
        {
          envId: "not-a-uuid",
          clientSecret: "top-secret-value",
          region: "MARS" as "NA",
          tokenAuthMethod: "private_key_jwt" as "client_secret_post",
          verify_ssl: "perhaps" as unknown as boolean,
        },
        {},
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PingOneConfigurationError);
    const problems = (error as PingOneConfigurationError).problems.map((p) => p.field);
    expect(problems).toEqual(
      expect.arrayContaining(["envId", "clientId", "region", "tokenAuthMethod", "verify_ssl"]),
    );
    expect((error as Error).message).not.toContain("top-secret-value");
    expect((error as PingOneConfigurationError).code).toBe("CONFIGURATION_ERROR");
  });
});

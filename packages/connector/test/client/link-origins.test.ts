import { MockAgent } from "undici";
import { afterEach, describe, expect, it } from "vitest";
import { createPingOneClient, createTokenStore } from "../../src/index.js";

// Real PingOne hosts cannot be reached from tests, so the dispatcher seam stands in for the
// network: what is checked is which origins the client agrees to send the bearer token to.
const ENV = "0b5c0b8e-5a7d-4c39-9c5e-0d7b3c1e2f40";

describe("HAL links to other hosts", () => {
  const agent = new MockAgent();
  agent.disableNetConnect();
  afterEach(() => agent.assertNoPendingInterceptors());

  function connect({ expectToken }: { expectToken: boolean }) {
    if (expectToken) {
      agent
        .get("https://auth.pingone.eu")
        .intercept({ path: `/${ENV}/as/token`, method: "POST" })
        .reply(200, { access_token: "t0ken-for-link-test", token_type: "Bearer", expires_in: 3600 });
    }
    return createPingOneClient(
      { environmentId: ENV, clientId: "link-test-client", clientSecret: "link-test-secret", region: "EU" },
      { dispatcher: agent, tokenStore: createTokenStore(), retry: { maxAttempts: 1 } },
    );
  }

  it("follows an agreement text link to the region's agreement-mgmt host, with the token", async () => {
    const textPath = `/environments/${ENV}/agreements/a/languages/l/revisions/r.json`;
    let authorization: unknown;
    agent
      .get("https://agreement-mgmt.pingone.eu")
      .intercept({ path: textPath, method: "GET" })
      .reply(200, (options) => {
        authorization = (options.headers as Record<string, string>).authorization;
        return { resourcePath: textPath, data: "Terms", dataType: "text/plain" };
      });
    const response = await connect({ expectToken: true }).request<{ data: string }>({
      method: "GET",
      path: `https://agreement-mgmt.pingone.eu${textPath}`,
    });
    expect(response.body.data).toBe("Terms");
    expect(authorization).toBe("Bearer t0ken-for-link-test");
  });

  it("refuses a link to another region's agreement host or any other host, before any request", async () => {
    // disableNetConnect fails any request without an interceptor, the token request included.
    const client = connect({ expectToken: false });
    for (const path of ["https://agreement-mgmt.pingone.com/x", "https://evil.example/x"]) {
      await expect(client.request({ method: "GET", path })).rejects.toThrow(/not the PingOne API host/);
    }
  });
});

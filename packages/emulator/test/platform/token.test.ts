import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManualClock } from "../../src/index.js";
import {
  type EmulatorFixture,
  provisionEnvironment,
  send,
  startEmulatorFixture,
} from "../support/emulator-harness.js";

const FORM = "application/x-www-form-urlencoded";

function basic(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString("base64")}`;
}

describe("token endpoint POST /{envId}/as/token", () => {
  const clock = createManualClock();
  let fixture: EmulatorFixture;
  let tokenUrl: string;

  beforeAll(async () => {
    fixture = await startEmulatorFixture({ clock });
    tokenUrl = `${fixture.url}/${fixture.environment.environmentId}/as/token`;
  });
  afterAll(() => fixture.stop());

  it("issues a bearer token with client_secret_basic", async () => {
    const { clientId, clientSecret } = fixture.environment;
    const result = await send("POST", tokenUrl, {
      rawBody: "grant_type=client_credentials",
      contentType: FORM,
      headers: { Authorization: basic(clientId, clientSecret) },
    });
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ access_token: expect.any(String), token_type: "Bearer", expires_in: 3600 });
    expect(result.body.access_token.split(".")).toHaveLength(3);
    expect(result.headers.get("cache-control")).toBe("no-store");
    const users = await fixture.api("GET", "/users", { token: result.body.access_token });
    expect(users.status).toBe(200);
  });

  it("accepts a charset parameter on the form content type", async () => {
    const { clientId, clientSecret } = fixture.environment;
    const result = await send("POST", tokenUrl, {
      rawBody: "grant_type=client_credentials",
      contentType: `${FORM}; charset=UTF-8`,
      headers: { Authorization: basic(clientId, clientSecret) },
    });
    expect(result.status).toBe(200);
  });

  it("refuses client_secret_post for an application configured for basic", async () => {
    const { clientId, clientSecret } = fixture.environment;
    const result = await send("POST", tokenUrl, {
      rawBody: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: clientId,
        client_secret: clientSecret,
      }).toString(),
      contentType: FORM,
    });
    expect(result.status).toBe(401);
    expect(result.body.error).toBe("invalid_client");
    expect(result.text).not.toContain(clientSecret);
  });

  it("accepts client_secret_post for an application configured for post, and refuses basic there", async () => {
    const postEnvironment = await provisionEnvironment(fixture.url, {
      tokenAuthMethod: "CLIENT_SECRET_POST",
    });
    const url = `${fixture.url}/${postEnvironment.environmentId}/as/token`;
    const form = new URLSearchParams({
      grant_type: "client_credentials",
      client_id: postEnvironment.clientId,
      client_secret: postEnvironment.clientSecret,
    });
    const ok = await send("POST", url, { rawBody: form.toString(), contentType: FORM });
    expect(ok.status).toBe(200);
    const viaBasic = await send("POST", url, {
      rawBody: "grant_type=client_credentials",
      contentType: FORM,
      headers: { Authorization: basic(postEnvironment.clientId, postEnvironment.clientSecret) },
    });
    expect(viaBasic.status).toBe(401);
    expect(viaBasic.body.error).toBe("invalid_client");
  });

  it("answers OAuth errors for a wrong secret, an unknown client, both methods, no method and other grants", async () => {
    const { clientId, clientSecret } = fixture.environment;
    const wrongSecret = await send("POST", tokenUrl, {
      rawBody: "grant_type=client_credentials",
      contentType: FORM,
      headers: { Authorization: basic(clientId, "not-the-secret") },
    });
    expect([wrongSecret.status, wrongSecret.body.error]).toEqual([401, "invalid_client"]);
    expect(wrongSecret.body).toEqual({ error: "invalid_client", error_description: expect.any(String) });

    const unknownClient = await send("POST", tokenUrl, {
      rawBody: "grant_type=client_credentials",
      contentType: FORM,
      headers: { Authorization: basic(crypto.randomUUID(), clientSecret) },
    });
    expect([unknownClient.status, unknownClient.body.error]).toEqual([401, "invalid_client"]);

    const both = await send("POST", tokenUrl, {
      rawBody: `grant_type=client_credentials&client_id=${clientId}&client_secret=${clientSecret}`,
      contentType: FORM,
      headers: { Authorization: basic(clientId, clientSecret) },
    });
    expect([both.status, both.body.error]).toEqual([400, "invalid_request"]);

    const none = await send("POST", tokenUrl, {
      rawBody: "grant_type=client_credentials",
      contentType: FORM,
    });
    expect([none.status, none.body.error]).toEqual([400, "invalid_request"]);

    const password = await send("POST", tokenUrl, {
      rawBody: "grant_type=password&username=a&password=b",
      contentType: FORM,
      headers: { Authorization: basic(clientId, clientSecret) },
    });
    expect([password.status, password.body.error]).toEqual([400, "unsupported_grant_type"]);

    const scoped = await send("POST", tokenUrl, {
      rawBody: "grant_type=client_credentials&scope=p1:read:user",
      contentType: FORM,
      headers: { Authorization: basic(clientId, clientSecret) },
    });
    expect([scoped.status, scoped.body.error]).toEqual([400, "invalid_scope"]);

    const json = await send("POST", tokenUrl, {
      body: { grant_type: "client_credentials" },
      headers: { Authorization: basic(clientId, clientSecret) },
    });
    expect([json.status, json.body.error]).toEqual([400, "invalid_request"]);
  });

  it("refuses a form body over 1 MB with invalid_request", async () => {
    const { clientId, clientSecret } = fixture.environment;
    const result = await send("POST", tokenUrl, {
      rawBody: `grant_type=client_credentials&padding=${"x".repeat(1024 * 1024)}`,
      contentType: FORM,
      headers: { Authorization: basic(clientId, clientSecret) },
    });
    expect([result.status, result.body.error]).toEqual([400, "invalid_request"]);
  });

  it("refuses a token for another environment's worker", async () => {
    const other = await provisionEnvironment(fixture.url);
    const result = await send("POST", tokenUrl, {
      rawBody: "grant_type=client_credentials",
      contentType: FORM,
      headers: { Authorization: basic(other.clientId, other.clientSecret) },
    });
    expect(result.status).toBe(401);
  });

  it("lets tokens expire on the emulator clock", async () => {
    const { clientId, clientSecret } = fixture.environment;
    const issued = await send("POST", tokenUrl, {
      rawBody: "grant_type=client_credentials",
      contentType: FORM,
      headers: { Authorization: basic(clientId, clientSecret) },
    });
    const token = issued.body.access_token as string;
    clock.advance(3599);
    expect((await fixture.api("GET", "/users", { token })).status).toBe(200);
    const advanced = await send("POST", `${fixture.url}/_emulator/clock`, { body: { advanceSeconds: 1 } });
    expect(advanced.status).toBe(200);
    const expired = await fixture.api("GET", "/users", { token });
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({ code: "ACCESS_FAILED", details: [{ code: "INVALID_TOKEN" }] });
  });
});

describe("token endpoint under faults and rate limits", () => {
  it("answers an injected fault and the environment's rate limit on the token path", async () => {
    const fixture = await startEmulatorFixture({ clock: createManualClock() });
    try {
      const { clientId, clientSecret, environmentId } = fixture.environment;
      const request = () =>
        send("POST", `${fixture.url}/${environmentId}/as/token`, {
          rawBody: "grant_type=client_credentials",
          contentType: FORM,
          headers: { Authorization: basic(clientId, clientSecret) },
        });
      await send("POST", `${fixture.url}/_emulator/faults`, {
        body: { rules: [{ method: "POST", path: "/*/as/token", status: 503, retryAfter: 2, count: 1 }] },
      });
      const faulted = await request();
      expect(faulted.status).toBe(503);
      expect(faulted.headers.get("retry-after")).toBe("2");
      expect((await request()).status).toBe(200);

      await send("POST", `${fixture.url}/_emulator/rate-limit`, {
        body: { environmentId, requestsPerSecond: 1 },
      });
      expect((await request()).status).toBe(200);
      const limited = await request();
      expect(limited.status).toBe(429);
      expect(limited.headers.get("retry-after")).toBe("1");
    } finally {
      await fixture.stop();
    }
  });
});

describe("token lifetime setting", () => {
  it("uses tokenLifetimeSeconds for expires_in", async () => {
    const fixture = await startEmulatorFixture({ settings: { tokenLifetimeSeconds: 120 } });
    try {
      const { clientId, clientSecret, environmentId } = fixture.environment;
      const result = await send("POST", `${fixture.url}/${environmentId}/as/token`, {
        rawBody: "grant_type=client_credentials",
        contentType: FORM,
        headers: { Authorization: basic(clientId, clientSecret) },
      });
      expect(result.body.expires_in).toBe(120);
    } finally {
      await fixture.stop();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectCollection, expectMatchesSchema, expectPingOneError } from "../contract/schema-validators.js";
import { type DirectoryTestEnvironment, startDirectoryTestEnvironment } from "./directory-test-client.js";

const LINK = "application/vnd.pingidentity.account.link+json";

let env: DirectoryTestEnvironment;

beforeAll(async () => {
  env = await startDirectoryTestEnvironment();
});

afterAll(async () => {
  await env.emulator.stop();
});

const google = (name: string) => ({
  type: "GOOGLE",
  name,
  enabled: true,
  clientId: "google-client",
  clientSecret: "s3cr3t",
});

async function createProvider(body: Record<string, unknown>): Promise<string> {
  const response = await env.api("POST", "/identityProviders", { body });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  expectMatchesSchema(response.body, "IdentityProvider");
  return response.body.id;
}

async function link(userId: string, body: Record<string, unknown>) {
  return env.api("POST", `/users/${userId}/linkedAccounts`, { body, contentType: LINK });
}

describe("identity providers", () => {
  it("creates providers of several types and never returns their secrets", async () => {
    const created = await env.api("POST", "/identityProviders", { body: google("Google Login") });
    expect(created.status).toBe(201);
    expectMatchesSchema(created.body, "IdentityProvider");
    expect(created.body).toMatchObject({
      type: "GOOGLE",
      name: "Google Login",
      enabled: true,
      clientId: "google-client",
    });
    expect(JSON.stringify(created.body)).not.toContain("s3cr3t");

    await createProvider({
      type: "OPENID_CONNECT",
      name: "Corporate OIDC",
      enabled: false,
      clientId: "oidc-client",
      clientSecret: "oidc-secret",
      issuer: "https://idp.example.com",
      authorizationEndpoint: "https://idp.example.com/authorize",
      tokenEndpoint: "https://idp.example.com/token",
      jwksEndpoint: "https://idp.example.com/jwks",
      scopes: ["openid", "profile"],
      tokenEndpointAuthMethod: "CLIENT_SECRET_BASIC",
    });
    await createProvider({
      type: "SAML",
      name: "Partner SAML",
      enabled: true,
      idpEntityId: "urn:partner",
      spEntityId: "urn:us",
      idpVerification: { certificates: [{ id: "cert-1" }] },
      ssoBinding: "HTTP_POST",
      ssoEndpoint: "https://partner.example.com/sso",
    });

    const listed = await env.api("GET", "/identityProviders");
    expect(listed.status).toBe(200);
    expectCollection(listed.body, "identityProviders");
    expect(listed.body._embedded.identityProviders.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(["Google Login", "Corporate OIDC", "Partner SAML"]),
    );

    const read = await env.api("GET", `/identityProviders/${created.body.id}`);
    expect(read.body).toEqual(created.body);
  });

  it("refuses bodies PingOne refuses", async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ name: "No Type", enabled: true }, "REQUIRED_VALUE", "type"],
      [{ type: "MYSPACE", name: "Unknown Type", enabled: true }, "INVALID_VALUE", "type"],
      [{ type: "GOOGLE", name: "No Client", enabled: true }, "REQUIRED_VALUE", "clientId"],
      [{ ...google("Bad Enabled"), enabled: "yes" }, "INVALID_VALUE", "enabled"],
      [{ ...google("Extra"), appId: "facebook-only" }, "INVALID_VALUE", "appId"],
    ];
    for (const [body, code, target] of cases) {
      const refused = await env.api("POST", "/identityProviders", { body });
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expectPingOneError(400, refused.body);
      expect(refused.body.details).toContainEqual(expect.objectContaining({ code, target }));
    }
    await createProvider(google("Twice"));
    const duplicate = await env.api("POST", "/identityProviders", { body: google("twice") });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.details[0]).toMatchObject({ code: "UNIQUENESS_VIOLATION", target: "name" });
  });

  it("deletes a provider and the accounts linked to it", async () => {
    const providerId = await createProvider(google("Doomed Provider"));
    const userId = await env.createUser("doomed.link");
    expect((await link(userId, { identityProvider: { id: providerId }, externalId: "d-1" })).status).toBe(
      201,
    );
    expect((await env.api("DELETE", `/identityProviders/${providerId}`)).status).toBe(204);
    const gone = await env.api("GET", `/identityProviders/${providerId}`);
    expect(gone.status).toBe(404);
    expectPingOneError(404, gone.body);
    expect((await env.api("GET", `/users/${userId}/linkedAccounts`)).body.count).toBe(0);
  });

  it("lets Identity Data Admin read providers but only Environment Admin create them", async () => {
    const dataAdmin = await env.environmentWithRoles(["Identity Data Admin"]);
    const base = `/v1/environments/${dataAdmin.environmentId}/identityProviders`;
    expect((await env.api("GET", base, { token: dataAdmin.token })).status).toBe(200);
    const refused = await env.api("POST", base, { token: dataAdmin.token, body: google("Not Allowed") });
    expect(refused.status).toBe(403);
    expectPingOneError(403, refused.body);
  });
});

describe("linked accounts", () => {
  it("links an account with account.link+json and lists, expands, reads and deletes it", async () => {
    const providerId = await createProvider(google("Linking Provider"));
    const userId = await env.createUser("linked.user");
    const created = await link(userId, {
      identityProvider: { id: providerId },
      externalId: "google-123",
      attributes: { "name.given": { value: "Ada", update: "EMPTY_ONLY" } },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expectMatchesSchema(created.body, "LinkedAccount");
    expect(created.body).toMatchObject({
      environment: { id: env.environmentId },
      user: { id: userId },
      identityProvider: { id: providerId },
      externalId: "google-123",
    });

    const listed = await env.api("GET", `/users/${userId}/linkedAccounts`);
    expectCollection(listed.body, "linkedAccounts");
    expect(listed.body).toMatchObject({ count: 1, size: 1 });
    expect(listed.body._embedded.linkedAccounts[0]._embedded).toBeUndefined();

    const expanded = await env.api("GET", `/users/${userId}/linkedAccounts?expand=identityProviders`);
    expectCollection(expanded.body, "linkedAccounts");
    expect(expanded.body._embedded.linkedAccounts[0]._embedded.identityProvider).toMatchObject({
      id: providerId,
      type: "GOOGLE",
    });

    const one = await env.api("GET", `/users/${userId}/linkedAccounts/${created.body.id}`);
    expect(one.status).toBe(200);
    expectMatchesSchema(one.body, "LinkedAccount");
    expect(one.body.id).toBe(created.body.id);

    expect((await env.api("DELETE", `/users/${userId}/linkedAccounts/${created.body.id}`)).status).toBe(204);
    const gone = await env.api("GET", `/users/${userId}/linkedAccounts/${created.body.id}`);
    expect(gone.status).toBe(404);
    expectPingOneError(404, gone.body);
  });

  it("accepts the media type with parameters and refuses other media types with 415", async () => {
    const providerId = await createProvider(google("Media Provider"));
    const userId = await env.createUser("media.user");
    const body = { identityProvider: { id: providerId }, externalId: "m-1" };
    const plain = await env.api("POST", `/users/${userId}/linkedAccounts`, { body });
    expect(plain.status).toBe(415);
    expectPingOneError(415, plain.body);
    const withCharset = await env.api("POST", `/users/${userId}/linkedAccounts`, {
      body,
      contentType: `${LINK}; charset=UTF-8`,
    });
    expect(withCharset.status).toBe(201);
  });

  it("refuses an unknown provider, a taken external id and malformed attributes", async () => {
    const providerId = await createProvider(google("Strict Provider"));
    const first = await env.createUser("strict.first");
    const second = await env.createUser("strict.second");
    const unknown = await link(first, {
      identityProvider: { id: "3f1d9a52-0000-4000-8000-000000000000" },
      externalId: "x",
    });
    expect(unknown.status).toBe(400);
    expectPingOneError(400, unknown.body);
    expect(unknown.body.details[0]).toMatchObject({ code: "INVALID_VALUE", target: "identityProvider.id" });

    const original = await link(first, { identityProvider: { id: providerId }, externalId: "taken" });
    expect(original.status).toBe(201);
    const taken = await link(second, { identityProvider: { id: providerId }, externalId: "taken" });
    expect(taken.status).toBe(400);
    expectPingOneError(400, taken.body);
    expect(taken.body.details[0]).toMatchObject({
      code: "UNIQUENESS_VIOLATION",
      innerError: { existingId: original.body.id },
    });

    const malformed = await link(second, {
      identityProvider: { id: providerId },
      externalId: "attrs",
      attributes: { email: "plain", title: { value: "x", update: "SOMETIMES" } },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.details.map((d: { target: string }) => d.target)).toEqual([
      "attributes.email",
      "attributes.title.update",
    ]);
    const missing = await link(second, { identityProvider: { id: providerId } });
    expect(missing.body.details[0]).toMatchObject({ code: "REQUIRED_VALUE", target: "externalId" });
    expect((await env.api("GET", `/users/${second}/linkedAccounts`)).body.count).toBe(0);
  });

  it("drops a user's links with the user", async () => {
    const providerId = await createProvider(google("Cascade Provider"));
    const userId = await env.createUser("cascade.linked");
    const created = await link(userId, { identityProvider: { id: providerId }, externalId: "c-1" });
    expect((await env.api("DELETE", `/users/${userId}`)).status).toBe(204);
    const other = await env.createUser("cascade.relinked");
    expect((await link(other, { identityProvider: { id: providerId }, externalId: "c-1" })).status).toBe(201);
    expect(created.status).toBe(201);
  });
});

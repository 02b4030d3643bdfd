import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Connector, createConnector } from "../../src/connector.js";
import { invokeError, invokeOk } from "../support/capability-harness.js";
import { createIdentityProviderViaApi } from "../support/directory-setup.js";
import {
  createTestUser,
  type EmulatorEnvironment,
  startEmulatorEnvironment,
} from "../support/emulator-environment.js";

let env: EmulatorEnvironment;
let connector: Connector;
let identityProviderId: string;

beforeAll(async () => {
  env = await startEmulatorEnvironment();
  connector = createConnector(env.connection, { client: { retry: { maxAttempts: 1 } } });
  identityProviderId = (await createIdentityProviderViaApi(env.client)).id;
});

afterAll(async () => {
  await connector?.close();
  await env?.stop();
});

async function linkViaApi(userId: string, externalId: string): Promise<{ id: string }> {
  const response = await env.client.request<{ id: string }>({
    method: "POST",
    path: `/environments/${env.environment.environmentId}/users/${userId}/linkedAccounts`,
    contentType: "application/vnd.pingidentity.account.link+json",
    body: { identityProvider: { id: identityProviderId }, externalId },
  });
  return response.body;
}

describe("createAccountLink", () => {
  it("links a user to an account at an identity provider", async () => {
    const user = await createTestUser(env.client);
    const externalId = `google-${randomUUID()}`;
    const output = await invokeOk(connector, "createAccountLink", {
      properties: {
        matchAttribute: "username",
        identifier: user.username,
        identityProvider: "useIdentityProviderId",
        identityProviderId,
        externalId,
      },
    });
    expect(output.statusCode).toBe(201);
    expect(output).toMatchObject({
      id: expect.any(String),
      externalId,
      identityProvider: { id: identityProviderId },
      user: { id: user.id },
      environment: { id: env.environment.environmentId },
    });
    expect(output.rawResponse).toMatchObject({ externalId, identityProvider: { id: identityProviderId } });
  });

  it("takes the identity provider id stored in the dropDown", async () => {
    const user = await createTestUser(env.client);
    const output = await invokeOk(connector, "createAccountLink", {
      identifier: user.id,
      identityProvider: identityProviderId,
      externalId: `ext-${randomUUID()}`,
    });
    expect(output.identityProvider).toEqual({ id: identityProviderId });
  });

  it("fails with uniquenessViolation for an account already linked, invalidValue for an unknown provider", async () => {
    const user = await createTestUser(env.client);
    const externalId = `ext-${randomUUID()}`;
    await linkViaApi(user.id, externalId);
    const twice = await invokeError(connector, "createAccountLink", {
      identifier: user.id,
      identityProviderId,
      externalId,
    });
    expect(twice.code).toBe("uniquenessViolation");
    const unknown = await invokeError(connector, "createAccountLink", {
      identifier: user.id,
      identityProviderId: randomUUID(),
      externalId: "x",
    });
    expect(unknown.code).toBe("invalidValue");
    const noUser = await invokeError(connector, "createAccountLink", {
      matchAttribute: "email",
      identifier: "nobody@example.com",
      identityProviderId,
      externalId: "x",
    });
    expect(noUser.code).toBe("noUserMatch");
  });

  it("refuses input without an external id or identity provider", async () => {
    const missing = await invokeError(connector, "createAccountLink", {
      identifier: randomUUID(),
      externalId: "e".repeat(3001),
    });
    expect(missing.code).toBe("invalidInput");
    expect(missing.problems?.map((p) => p.path)).toEqual(["/externalId"]);
    const noProvider = await invokeError(connector, "createAccountLink", {
      identifier: randomUUID(),
      externalId: "x",
    });
    expect(noProvider.code).toBe("invalidInput");
    expect(noProvider.message).toContain("identityProviderId");
  });
});

describe("readAccountLinks", () => {
  it("lists the user's account links", async () => {
    const user = await createTestUser(env.client);
    const link = await linkViaApi(user.id, `ext-${randomUUID()}`);
    const output = await invokeOk(connector, "readAccountLinks", {
      matchAttribute: "email",
      identifier: user.email,
    });
    expect(output.linkedAccounts).toEqual([expect.objectContaining({ id: link.id, user: { id: user.id } })]);
    expect(output.rawResponse).toMatchObject({
      _embedded: { linkedAccounts: [{ id: link.id }] },
      count: 1,
      size: 1,
    });
  });

  it("returns an empty list for a user without links, noUserMatch for an unknown user", async () => {
    const user = await createTestUser(env.client);
    expect((await invokeOk(connector, "readAccountLinks", { identifier: user.id })).linkedAccounts).toEqual(
      [],
    );
    expect((await invokeError(connector, "readAccountLinks", { identifier: randomUUID() })).code).toBe(
      "noUserMatch",
    );
  });

  it("refuses input without an identifier", async () => {
    const error = await invokeError(connector, "readAccountLinks", { matchAttribute: "id" });
    expect(error.problems).toEqual([expect.objectContaining({ path: "/identifier", keyword: "required" })]);
  });
});

describe("deleteAccountLink", () => {
  it("deletes an account link; the output has no rawResponse", async () => {
    const user = await createTestUser(env.client);
    const link = await linkViaApi(user.id, `ext-${randomUUID()}`);
    const output = await invokeOk(connector, "deleteAccountLink", {
      identifier: user.id,
      accountLinkId: link.id,
    });
    expect(output.statusCode).toBe(204);
    expect(output).not.toHaveProperty("rawResponse");
    expect((await invokeOk(connector, "readAccountLinks", { identifier: user.id })).linkedAccounts).toEqual(
      [],
    );
  });

  it("fails with notFound for a link the user does not have", async () => {
    const user = await createTestUser(env.client);
    const other = await createTestUser(env.client);
    const othersLink = await linkViaApi(other.id, `ext-${randomUUID()}`);
    const error = await invokeError(connector, "deleteAccountLink", {
      identifier: user.id,
      accountLinkId: othersLink.id,
    });
    expect(error.code).toBe("notFound");
    expect(
      (await invokeOk(connector, "readAccountLinks", { identifier: other.id })).linkedAccounts,
    ).toHaveLength(1);
  });

  it("refuses input without an account link id", async () => {
    const error = await invokeError(connector, "deleteAccountLink", { identifier: randomUUID() });
    expect(error.problems).toEqual([
      expect.objectContaining({ path: "/accountLinkId", keyword: "required" }),
    ]);
  });
});

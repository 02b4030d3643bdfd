import { afterAll, beforeAll, expect, it } from "vitest";
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

beforeAll(async () => {
  env = await startEmulatorEnvironment();
  connector = createConnector(env.connection);
});

afterAll(async () => {
  await connector?.close();
  await env?.stop();
});

it("creates an account link, reads it back, deletes it and finds it gone", async () => {
  const user = await createTestUser(env.client);
  const identityProviderId = (await createIdentityProviderViaApi(env.client)).id;
  const target = { matchAttribute: "username", identifier: user.username };

  const created = await invokeOk(connector, "createAccountLink", {
    ...target,
    identityProvider: "useIdentityProviderId",
    identityProviderId,
    externalId: "108476930293847562",
  });
  const linkId = created.id as string;

  const read = await invokeOk(connector, "readAccountLinks", target);
  expect(read.linkedAccounts).toEqual([
    expect.objectContaining({
      id: linkId,
      externalId: "108476930293847562",
      identityProvider: { id: identityProviderId },
    }),
  ]);

  const deleted = await invokeOk(connector, "deleteAccountLink", { ...target, accountLinkId: linkId });
  expect(deleted.statusCode).toBe(204);

  expect((await invokeOk(connector, "readAccountLinks", target)).linkedAccounts).toEqual([]);
  expect((await invokeError(connector, "deleteAccountLink", { ...target, accountLinkId: linkId })).code).toBe(
    "notFound",
  );
});

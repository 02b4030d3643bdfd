import { expect, it } from "vitest";
import { invokeError, invokeOk } from "../support/capability-harness.js";
import { createIdentityProviderViaApi } from "../support/directory-setup.js";
import { useEmulatorConnector } from "../support/emulator-connector.js";
import { createTestUser } from "../support/emulator-environment.js";

const fixture = useEmulatorConnector();

it("creates an account link, reads it back, deletes it and finds it gone", async () => {
  const user = await createTestUser(fixture.env.client);
  const identityProviderId = (await createIdentityProviderViaApi(fixture.env.client)).id;
  const target = { matchAttribute: "username", identifier: user.username };

  const created = await invokeOk(fixture.connector, "createAccountLink", {
    ...target,
    identityProvider: "useIdentityProviderId",
    identityProviderId,
    externalId: "108476930293847562",
  });
  const linkId = created.id as string;

  const read = await invokeOk(fixture.connector, "readAccountLinks", target);
  expect(read.linkedAccounts).toEqual([
    expect.objectContaining({
      id: linkId,
      externalId: "108476930293847562",
      identityProvider: { id: identityProviderId },
    }),
  ]);

  const deleted = await invokeOk(fixture.connector, "deleteAccountLink", {
    ...target,
    accountLinkId: linkId,
  });
  expect(deleted.statusCode).toBe(204);

  expect((await invokeOk(fixture.connector, "readAccountLinks", target)).linkedAccounts).toEqual([]);
  expect(
    (await invokeError(fixture.connector, "deleteAccountLink", { ...target, accountLinkId: linkId })).code,
  ).toBe("notFound");
});

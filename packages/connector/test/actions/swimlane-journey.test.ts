import { expect, it } from "vitest";
import { useEmulatorConnector } from "../support/emulator-connector.js";
import { createTestUser } from "../support/emulator-environment.js";

const fixture = useEmulatorConnector();

it("locks an account, shows it LOCKED, unlocks it and shows it usable again", async () => {
  const user = await createTestUser(fixture.env.client);
  const target = { path_parameters: { envID: fixture.env.environment.environmentId, userID: user.id } };
  const read = () =>
    fixture.connector.runAction("get_user_by_id", { ...target, parameters: { expand: "population" } });

  const before = await read();
  expect(before.json_body).toMatchObject({ account: { canAuthenticate: true, status: "OK" } });

  const locked = await fixture.connector.runAction("user_account_lock", {
    ...target,
    headers: { "Content-Type": "application/vnd.pingidentity.account.lock+json" },
  });
  expect(locked.status_code).toBe(200);

  const whileLocked = await read();
  expect(whileLocked.status_code).toBe(200);
  expect(whileLocked.json_body).toMatchObject({
    id: user.id,
    account: { canAuthenticate: false, status: "LOCKED", lockedAt: expect.any(String) },
  });

  const unlocked = await fixture.connector.runAction("user_account_unlock", {
    ...target,
    headers: { "Content-Type": "application/vnd.pingidentity.account.unlock+json" },
  });
  expect(unlocked.status_code).toBe(200);

  const after = await read();
  expect(after.json_body).toMatchObject({ account: { canAuthenticate: true, status: "OK" } });
});

import { afterAll, beforeAll, expect, it } from "vitest";
import { type Connector, createConnector } from "../../src/connector.js";
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

it("locks an account, shows it LOCKED, unlocks it and shows it usable again", async () => {
  const user = await createTestUser(env.client);
  const target = { path_parameters: { envID: env.environment.environmentId, userID: user.id } };
  const read = () =>
    connector.runAction("get_user_by_id", { ...target, parameters: { expand: "population" } });

  const before = await read();
  expect(before.json_body).toMatchObject({ account: { canAuthenticate: true, status: "OK" } });

  const locked = await connector.runAction("user_account_lock", {
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

  const unlocked = await connector.runAction("user_account_unlock", {
    ...target,
    headers: { "Content-Type": "application/vnd.pingidentity.account.unlock+json" },
  });
  expect(unlocked.status_code).toBe(200);

  const after = await read();
  expect(after.json_body).toMatchObject({ account: { canAuthenticate: true, status: "OK" } });
});

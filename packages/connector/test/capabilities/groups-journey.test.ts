import { afterAll, beforeAll, expect, it } from "vitest";
import { type Connector, createConnector } from "../../src/connector.js";
import { invokeError, invokeOk } from "../support/capability-harness.js";
import { uniqueName } from "../support/directory-setup.js";
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

it("creates a group, adds a user, sees the membership from both sides, removes it and deletes the group", async () => {
  const user = await createTestUser(env.client);
  const name = uniqueName("Training");
  const created = await invokeOk(connector, "createGroup", { groupName: name, description: "New starters" });
  const groupId = (created.group as { id: string }).id;

  const membership = await invokeOk(connector, "createUserGroupMembership", {
    matchAttribute: "username",
    identifier: user.username,
    groupId,
  });
  expect(membership.groupMembership).toMatchObject({ id: groupId, name });

  const members = await invokeOk(connector, "readGroupMembers", { groupId });
  expect(members.count).toBe(1);
  expect(members.matchedUsers).toEqual([{ _embedded: { user: expect.objectContaining({ id: user.id }) } }]);

  const memberships = await invokeOk(connector, "readUserGroupMemberships", { identifier: user.id });
  expect(memberships.groupMemberships).toEqual([expect.objectContaining({ id: groupId, name })]);

  await invokeOk(connector, "deleteUserGroupMembership", { identifier: user.id, groupId });
  expect((await invokeOk(connector, "readGroupMembers", { groupId })).matchedUsers).toEqual([]);
  expect(
    (await invokeOk(connector, "readUserGroupMemberships", { identifier: user.id })).groupMemberships,
  ).toEqual([]);

  await invokeOk(connector, "deleteGroup", { groupId });
  expect((await invokeError(connector, "readGroup", { groupId })).code).toBe("notFound");
});

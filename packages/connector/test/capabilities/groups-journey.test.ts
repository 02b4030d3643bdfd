import { expect, it } from "vitest";
import { invokeError, invokeOk } from "../support/capability-harness.js";
import { uniqueName } from "../support/directory-setup.js";
import { useEmulatorConnector } from "../support/emulator-connector.js";
import { createTestUser } from "../support/emulator-environment.js";

const fixture = useEmulatorConnector();

it("creates a group, adds a user, sees the membership from both sides, removes it and deletes the group", async () => {
  const user = await createTestUser(fixture.env.client);
  const name = uniqueName("Training");
  const created = await invokeOk(fixture.connector, "createGroup", {
    groupName: name,
    description: "New starters",
  });
  const groupId = (created.group as { id: string }).id;

  const membership = await invokeOk(fixture.connector, "createUserGroupMembership", {
    matchAttribute: "username",
    identifier: user.username,
    groupId,
  });
  expect(membership.groupMembership).toMatchObject({ id: groupId, name });

  const members = await invokeOk(fixture.connector, "readGroupMembers", { groupId });
  expect(members.count).toBe(1);
  expect(members.matchedUsers).toEqual([{ _embedded: { user: expect.objectContaining({ id: user.id }) } }]);

  const memberships = await invokeOk(fixture.connector, "readUserGroupMemberships", { identifier: user.id });
  expect(memberships.groupMemberships).toEqual([expect.objectContaining({ id: groupId, name })]);

  await invokeOk(fixture.connector, "deleteUserGroupMembership", { identifier: user.id, groupId });
  expect((await invokeOk(fixture.connector, "readGroupMembers", { groupId })).matchedUsers).toEqual([]);
  expect(
    (await invokeOk(fixture.connector, "readUserGroupMemberships", { identifier: user.id })).groupMemberships,
  ).toEqual([]);

  await invokeOk(fixture.connector, "deleteGroup", { groupId });
  expect((await invokeError(fixture.connector, "readGroup", { groupId })).code).toBe("notFound");
});

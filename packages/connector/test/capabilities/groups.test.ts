import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { invokeError, invokeOk } from "../support/capability-harness.js";
import {
  addMemberViaApi,
  createGroupViaApi,
  createPopulationViaApi,
  nestGroupViaApi,
  uniqueName,
} from "../support/directory-setup.js";
import { useEmulatorConnector } from "../support/emulator-connector.js";
import { createTestUser } from "../support/emulator-environment.js";

const fixture = useEmulatorConnector({ client: { retry: { maxAttempts: 1 } } });

async function groupOnServer(groupId: string): Promise<Record<string, unknown>> {
  const response = await fixture.env.client.request<Record<string, unknown>>({
    method: "GET",
    path: `/environments/${fixture.env.environment.environmentId}/groups/${groupId}`,
  });
  return response.body;
}

describe("createGroup", () => {
  it("creates a group with a description, a dynamic filter and key/value metadata", async () => {
    const name = uniqueName("Managers");
    const output = await invokeOk(fixture.connector, "createGroup", {
      properties: {
        groupName: name,
        description: "All managers",
        userFilter: 'title eq "Manager"',
        useCustomDataText: false,
        customDataArray: [
          { key: "costCenter", value: "1234" },
          { key: "", value: "ignored" },
        ],
      },
    });
    expect(output.statusCode).toBe(201);
    expect(output.group).toMatchObject({
      name,
      description: "All managers",
      userFilter: 'title eq "Manager"',
      customData: { costCenter: "1234" },
      environment: { id: fixture.env.environment.environmentId },
    });
    expect(output.group).not.toHaveProperty("_links");
    expect(output.rawResponse).toHaveProperty("_links");
    const id = (output.group as { id: string }).id;
    expect(await groupOnServer(id)).toMatchObject({ name, customData: { costCenter: "1234" } });
  });

  it("creates the group in the population found by alternative identifier, with JSON metadata", async () => {
    const population = await createPopulationViaApi(fixture.env.client, {
      alternativeIdentifiers: ["partners.example"],
    });
    const output = await invokeOk(fixture.connector, "createGroup", {
      groupName: uniqueName("Partners"),
      population: "useAlternativeId",
      alternativeIdentifier: "PARTNERS.example",
      useCustomDataText: true,
      customDataText: '{"tier": "gold", "seats": 3}',
    });
    expect(output.group).toMatchObject({
      population: { id: population.id },
      customData: { tier: "gold", seats: 3 },
    });
  });

  it("fails with uniquenessViolation for a name already used, and notFound for an unknown alternative id", async () => {
    const existing = await createGroupViaApi(fixture.env.client);
    const duplicate = await invokeError(fixture.connector, "createGroup", { groupName: existing.name });
    expect(duplicate.code).toBe("uniquenessViolation");
    expect(duplicate.httpResponseCode).toBe(400);
    expect(duplicate.details[0]?.rawResponse).toMatchObject({ details: [{ code: "UNIQUENESS_VIOLATION" }] });
    const unknownPopulation = await invokeError(fixture.connector, "createGroup", {
      groupName: uniqueName("g"),
      population: "useAlternativeId",
      alternativeIdentifier: "nobody.example",
    });
    expect(unknownPopulation.code).toBe("notFound");
  });

  it("refuses input without a group name, with wrong types, or with metadata text that is not an object", async () => {
    const missing = await invokeError(fixture.connector, "createGroup", {
      description: "x",
      customDataArray: "a=b",
    });
    expect(missing.code).toBe("invalidInput");
    expect(missing.problems?.map((p) => p.path).sort()).toEqual(["/customDataArray", "/groupName"]);
    const blank = await invokeError(fixture.connector, "createGroup", { groupName: "  " });
    expect(blank.code).toBe("invalidInput");
    const notObject = await invokeError(fixture.connector, "createGroup", {
      groupName: uniqueName("g"),
      useCustomDataText: true,
      customDataText: "[1, 2]",
    });
    expect(notObject.code).toBe("invalidInput");
    expect(notObject.message).toContain("customDataText");
  });
});

describe("readGroup", () => {
  it("reads a group with its member counts", async () => {
    const group = await createGroupViaApi(fixture.env.client, { description: "readers" });
    await addMemberViaApi(fixture.env.client, (await createTestUser(fixture.env.client)).id, group.id);
    const output = await invokeOk(fixture.connector, "readGroup", { groupId: group.id });
    expect(output.statusCode).toBe(200);
    expect(output.group).toMatchObject({ id: group.id, name: group.name, description: "readers" });
    expect(output.group).toHaveProperty("totalMemberCounts");
  });

  it("fails with notFound for an unknown group, and for a dot segment without calling PingOne", async () => {
    const unknown = await invokeError(fixture.connector, "readGroup", { groupId: randomUUID() });
    expect(unknown.code).toBe("notFound");
    expect(unknown.httpResponseCode).toBe(404);
    expect(unknown.output.rawResponse).toMatchObject({ code: "NOT_FOUND" });
    const dots = await invokeError(fixture.connector, "readGroup", { groupId: ".." });
    expect(dots.code).toBe("notFound");
    expect(dots.details).toEqual([]);
  });

  it("refuses a group id longer than 100 characters", async () => {
    const error = await invokeError(fixture.connector, "readGroup", {
      properties: { groupId: "g".repeat(101) },
    });
    expect(error.code).toBe("invalidInput");
    expect(error.problems).toEqual([
      expect.objectContaining({ path: "/properties/groupId", keyword: "maxLength" }),
    ]);
  });
});

describe("updateGroup", () => {
  it("changes what is given and keeps the rest, metadata included", async () => {
    const group = await createGroupViaApi(fixture.env.client, {
      description: "before",
      externalId: "ext-1",
      customData: { keep: "me" },
    });
    const output = await invokeOk(fixture.connector, "updateGroup", {
      groupId: group.id,
      groupName: "",
      description: "after",
    });
    expect(output.group).toMatchObject({
      id: group.id,
      name: group.name,
      description: "after",
      externalId: "ext-1",
      customData: { keep: "me" },
    });
    expect(await groupOnServer(group.id)).toMatchObject({ description: "after", customData: { keep: "me" } });
  });

  it("replaces the metadata entirely when metadata is given", async () => {
    const group = await createGroupViaApi(fixture.env.client, { customData: { old: 1 } });
    const renamed = uniqueName("Renamed");
    const output = await invokeOk(fixture.connector, "updateGroup", {
      groupId: group.id,
      groupName: renamed,
      useCustomDataText: true,
      customDataText: '{"fresh": true}',
    });
    expect(output.group).toMatchObject({ name: renamed, customData: { fresh: true } });
    expect((output.group as { customData: object }).customData).not.toHaveProperty("old");
  });

  it("fails with notFound for an unknown group and uniquenessViolation for a taken name", async () => {
    expect(
      (await invokeError(fixture.connector, "updateGroup", { groupId: randomUUID(), groupName: "x" })).code,
    ).toBe("notFound");
    const first = await createGroupViaApi(fixture.env.client);
    const second = await createGroupViaApi(fixture.env.client);
    const taken = await invokeError(fixture.connector, "updateGroup", {
      groupId: second.id,
      groupName: first.name,
    });
    expect(taken.code).toBe("uniquenessViolation");
    expect((await groupOnServer(second.id)).name).toBe(second.name);
  });

  it("refuses input without a group id", async () => {
    const error = await invokeError(fixture.connector, "updateGroup", {
      groupName: "x",
      memberGroupRelationship: "yes",
    });
    expect(error.code).toBe("invalidInput");
    expect(error.problems?.map((p) => p.path).sort()).toEqual(["/groupId", "/memberGroupRelationship"]);
  });
});

describe("deleteGroup", () => {
  it("deletes a group", async () => {
    const group = await createGroupViaApi(fixture.env.client);
    const output = await invokeOk(fixture.connector, "deleteGroup", { groupId: group.id });
    expect(output.statusCode).toBe(204);
    expect(output.rawResponse).toEqual({});
    expect((await invokeError(fixture.connector, "readGroup", { groupId: group.id })).code).toBe("notFound");
  });

  it("fails with notFound for an unknown group", async () => {
    expect((await invokeError(fixture.connector, "deleteGroup", { groupId: randomUUID() })).code).toBe(
      "notFound",
    );
  });

  it("refuses a group id that is not a string", async () => {
    const error = await invokeError(fixture.connector, "deleteGroup", { groupId: 7 });
    expect(error.problems).toEqual([expect.objectContaining({ path: "/groupId", keyword: "type" })]);
  });
});

describe("readGroupMembers", () => {
  it("lists the members, filters them by identifier, and keeps only direct members when asked", async () => {
    const parent = await createGroupViaApi(fixture.env.client);
    const child = await createGroupViaApi(fixture.env.client);
    await nestGroupViaApi(fixture.env.client, child.id, parent.id);
    const direct = await createTestUser(fixture.env.client);
    const indirect = await createTestUser(fixture.env.client);
    await addMemberViaApi(fixture.env.client, direct.id, parent.id);
    await addMemberViaApi(fixture.env.client, indirect.id, child.id);
    await createTestUser(fixture.env.client);

    const all = await invokeOk(fixture.connector, "readGroupMembers", { groupId: parent.id });
    const ids = (output: typeof all) =>
      (output.matchedUsers as { _embedded: { user: { id: string } } }[])
        .map((m) => m._embedded.user.id)
        .sort();
    expect(ids(all)).toEqual([direct.id, indirect.id].sort());
    expect(all.count).toBe(2);
    expect(all.rawResponse).toMatchObject({ _embedded: { count: 2 } });

    const byUsername = await invokeOk(fixture.connector, "readGroupMembers", {
      groupId: parent.id,
      matchAttributes: ["username", "email"],
      userIdentifierForFindUser: indirect.username,
    });
    expect(ids(byUsername)).toEqual([indirect.id]);

    const byId = await invokeOk(fixture.connector, "readGroupMembers", {
      groupId: parent.id,
      matchAttributes: ["userID"],
      userIdentifierForFindUser: direct.id,
    });
    expect(ids(byId)).toEqual([direct.id]);

    const directOnly = await invokeOk(fixture.connector, "readGroupMembers", {
      groupId: parent.id,
      memberGroupRelationship: true,
    });
    expect(ids(directOnly)).toEqual([direct.id]);
  });

  it("treats a hostile identifier as a value, never as filter syntax", async () => {
    const group = await createGroupViaApi(fixture.env.client);
    await addMemberViaApi(fixture.env.client, (await createTestUser(fixture.env.client)).id, group.id);
    const output = await invokeOk(fixture.connector, "readGroupMembers", {
      groupId: group.id,
      matchAttributes: ["username"],
      userIdentifierForFindUser: 'x" or username sw "',
    });
    expect(output.matchedUsers).toEqual([]);
  });

  it("returns an empty list for an empty group and notFound for an unknown one", async () => {
    const empty = await createGroupViaApi(fixture.env.client);
    expect(
      (await invokeOk(fixture.connector, "readGroupMembers", { groupId: empty.id })).matchedUsers,
    ).toEqual([]);
    expect((await invokeError(fixture.connector, "readGroupMembers", { groupId: randomUUID() })).code).toBe(
      "notFound",
    );
  });

  it("refuses attribute names that are not attribute paths, and an identifier without attributes", async () => {
    const injected = await invokeError(fixture.connector, "readGroupMembers", {
      groupId: randomUUID(),
      matchAttributes: ['username eq "a" or email'],
      userIdentifierForFindUser: "a",
    });
    expect(injected.code).toBe("invalidInput");
    expect(injected.problems).toEqual([
      expect.objectContaining({ path: "/matchAttributes/0", keyword: "pattern" }),
    ]);
    const noAttributes = await invokeError(fixture.connector, "readGroupMembers", {
      groupId: randomUUID(),
      userIdentifierForFindUser: "a",
    });
    expect(noAttributes.code).toBe("invalidInput");
  });
});

describe("readUserGroupMemberships", () => {
  it("lists the user's memberships with the groups embedded", async () => {
    const user = await createTestUser(fixture.env.client);
    const group = await createGroupViaApi(fixture.env.client);
    await addMemberViaApi(fixture.env.client, user.id, group.id);
    const output = await invokeOk(fixture.connector, "readUserGroupMemberships", {
      matchAttribute: "username",
      identifier: user.username,
    });
    expect(output.groupMemberships).toEqual([
      expect.objectContaining({
        id: group.id,
        name: group.name,
        type: "DIRECT",
        _embedded: { group: expect.objectContaining({ id: group.id }) },
      }),
    ]);
    expect(output.rawResponse).toMatchObject({
      _embedded: { groupMemberships: [{ id: group.id }] },
      count: 1,
      size: 1,
    });
  });

  it("returns an empty list for a user without groups and noUserMatch for an unknown user", async () => {
    const user = await createTestUser(fixture.env.client);
    expect(
      (await invokeOk(fixture.connector, "readUserGroupMemberships", { identifier: user.id }))
        .groupMemberships,
    ).toEqual([]);
    expect(
      (await invokeError(fixture.connector, "readUserGroupMemberships", { identifier: randomUUID() })).code,
    ).toBe("noUserMatch");
  });

  it("refuses an unknown match attribute", async () => {
    const error = await invokeError(fixture.connector, "readUserGroupMemberships", {
      matchAttribute: "phone",
      identifier: "1",
    });
    expect(error.problems).toEqual([expect.objectContaining({ path: "/matchAttribute", keyword: "enum" })]);
  });
});

describe("createUserGroupMembership", () => {
  it("adds a user to a group", async () => {
    const user = await createTestUser(fixture.env.client);
    const group = await createGroupViaApi(fixture.env.client);
    const output = await invokeOk(fixture.connector, "createUserGroupMembership", {
      matchAttribute: "email",
      identifier: user.email,
      group: "useGroupId",
      groupId: group.id,
    });
    expect(output.statusCode).toBe(201);
    expect(output.groupMembership).toMatchObject({ id: group.id, name: group.name, type: "DIRECT" });
    expect(output.rawResponse).toMatchObject({ groupMembership: { id: group.id } });
  });

  it("fails with uniquenessViolation for an existing member and invalidValue for an unknown group", async () => {
    const user = await createTestUser(fixture.env.client);
    const group = await createGroupViaApi(fixture.env.client);
    await addMemberViaApi(fixture.env.client, user.id, group.id);
    const twice = await invokeError(fixture.connector, "createUserGroupMembership", {
      identifier: user.id,
      groupId: group.id,
    });
    expect(twice.code).toBe("uniquenessViolation");
    const unknown = await invokeError(fixture.connector, "createUserGroupMembership", {
      identifier: user.id,
      groupId: randomUUID(),
    });
    expect(unknown.code).toBe("invalidValue");
    expect(unknown.httpResponseCode).toBe(400);
  });

  it("refuses input without an identifier, and without any group", async () => {
    const error = await invokeError(fixture.connector, "createUserGroupMembership", {
      groupId: "g".repeat(101),
    });
    expect(error.problems?.map((p) => p.path).sort()).toEqual(["/groupId", "/identifier"]);
    const noGroup = await invokeError(fixture.connector, "createUserGroupMembership", {
      identifier: randomUUID(),
    });
    expect(noGroup.code).toBe("invalidInput");
    expect(noGroup.message).toContain("groupId");
  });
});

describe("deleteUserGroupMembership", () => {
  it("removes a user from a group", async () => {
    const user = await createTestUser(fixture.env.client);
    const group = await createGroupViaApi(fixture.env.client);
    await addMemberViaApi(fixture.env.client, user.id, group.id);
    const output = await invokeOk(fixture.connector, "deleteUserGroupMembership", {
      identifier: user.id,
      groupId: group.id,
    });
    expect(output.statusCode).toBe(204);
    expect(output.rawResponse).toEqual({});
    expect(
      (await invokeOk(fixture.connector, "readUserGroupMemberships", { identifier: user.id }))
        .groupMemberships,
    ).toEqual([]);
  });

  it("fails with notFound when the user is not a member", async () => {
    const user = await createTestUser(fixture.env.client);
    const group = await createGroupViaApi(fixture.env.client);
    const error = await invokeError(fixture.connector, "deleteUserGroupMembership", {
      identifier: user.id,
      groupId: group.id,
    });
    expect(error.code).toBe("notFound");
  });

  it("refuses a customData that is not an object", async () => {
    const error = await invokeError(fixture.connector, "deleteUserGroupMembership", {
      identifier: randomUUID(),
      groupId: randomUUID(),
      customData: "x",
    });
    expect(error.problems).toEqual([expect.objectContaining({ path: "/customData", keyword: "type" })]);
  });
});

describe("dry runs of the group capabilities", () => {
  it("shows the one DELETE of deleteGroup as a complete list", async () => {
    const groupId = randomUUID();
    const report = await fixture.connector.invoke("deleteGroup", { groupId }, { dryRun: true });
    expect(report.complete).toBe(true);
    expect(report.requests).toEqual([
      expect.objectContaining({
        method: "DELETE",
        url: `${fixture.env.environment.apiUrl}/v1/environments/${fixture.env.environment.environmentId}/groups/${groupId}`,
      }),
    ]);
  });

  it("stops createUserGroupMembership at the user lookup its POST depends on", async () => {
    const report = await fixture.connector.invoke(
      "createUserGroupMembership",
      { matchAttribute: "username", identifier: "jo", groupId: randomUUID() },
      { dryRun: true },
    );
    expect(report.complete).toBe(false);
    expect(report.requests).toHaveLength(1);
    expect(report.requests[0]?.url).toContain("/users?filter=");
  });
});

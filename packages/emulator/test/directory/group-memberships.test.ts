import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groupMemberUserIds } from "../../src/domain/group-membership-queries.js";
import { expectCollection, expectMatchesSchema, expectPingOneError } from "../contract/schema-validators.js";
import { type DirectoryTestEnvironment, startDirectoryTestEnvironment } from "./directory-test-client.js";

let env: DirectoryTestEnvironment;

beforeAll(async () => {
  env = await startDirectoryTestEnvironment();
});

afterAll(async () => {
  await env.emulator.stop();
});

async function createGroup(body: Record<string, unknown>): Promise<string> {
  const response = await env.api("POST", "/groups", { body });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id;
}

async function join(userId: string, groupId: string) {
  const response = await env.api("POST", `/users/${userId}/memberOfGroups`, { body: { id: groupId } });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  expectMatchesSchema(response.body, "GroupMembership");
  return response.body;
}

async function memberships(userId: string, query = "") {
  const response = await env.api("GET", `/users/${userId}/memberOfGroups${query}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  expectCollection(response.body, "groupMemberships");
  return response.body;
}

describe("user group memberships", () => {
  it("adds a direct membership and lists, reads and expands it", async () => {
    const groupId = await createGroup({ name: "Direct Group", description: "d" });
    const userId = await env.createUser("direct.member");
    const added = await join(userId, groupId);
    expect(added).toMatchObject({
      id: groupId,
      name: "Direct Group",
      type: "DIRECT",
      environment: { id: env.environmentId },
    });

    const listed = await memberships(userId);
    expect(listed).toMatchObject({ count: 1, size: 1 });
    expect(listed._embedded.groupMemberships[0]).toMatchObject({ id: groupId, type: "DIRECT" });
    expect(listed._embedded.groupMemberships[0]._embedded).toBeUndefined();

    const expanded = await memberships(userId, "?expand=group");
    const embedded = expanded._embedded.groupMemberships[0]._embedded.group;
    expectMatchesSchema(embedded, "Group");
    expect(embedded).toMatchObject({ id: groupId, description: "d", directMemberCounts: { users: 1 } });

    const one = await env.api("GET", `/users/${userId}/memberOfGroups/${groupId}?expand=group`);
    expect(one.status).toBe(200);
    expectMatchesSchema(one.body, "GroupMembership");
    expect(one.body).toMatchObject({ id: groupId, type: "DIRECT", _embedded: { group: { id: groupId } } });
  });

  it("refuses a second direct membership, an unknown group and an unknown user", async () => {
    const groupId = await createGroup({ name: "Once Only" });
    const userId = await env.createUser("once.only");
    await join(userId, groupId);
    const again = await env.api("POST", `/users/${userId}/memberOfGroups`, { body: { id: groupId } });
    expect(again.status).toBe(400);
    expectPingOneError(400, again.body);
    expect(again.body.details[0]).toMatchObject({ code: "UNIQUENESS_VIOLATION", target: "id" });

    const unknownGroup = await env.api("POST", `/users/${userId}/memberOfGroups`, {
      body: { id: "3f1d9a52-0000-4000-8000-000000000000" },
    });
    expect(unknownGroup.status).toBe(400);
    expectPingOneError(400, unknownGroup.body);
    expect(unknownGroup.body.details[0]).toMatchObject({ code: "INVALID_VALUE", target: "id" });

    const noId = await env.api("POST", `/users/${userId}/memberOfGroups`, { body: {} });
    expect(noId.status).toBe(400);
    expect(noId.body.details[0]).toMatchObject({ code: "REQUIRED_VALUE", target: "id" });

    const unknownUser = await env.api("POST", "/users/3f1d9a52-0000-4000-8000-000000000001/memberOfGroups", {
      body: { id: groupId },
    });
    expect(unknownUser.status).toBe(404);
    expectPingOneError(404, unknownUser.body);
    expect((await memberships(userId)).count).toBe(1);
  });

  it("filters by type case-insensitively and refuses other filters", async () => {
    const direct = await createGroup({ name: "Typed Direct" });
    await createGroup({ name: "Typed Dynamic", userFilter: 'title eq "Typed"' });
    const userId = await env.createUser("typed.user", { title: "Typed" });
    await join(userId, direct);

    const all = await memberships(userId);
    expect(all.count).toBe(2);
    const onlyDirect = await memberships(userId, `?filter=${encodeURIComponent('type eq "direct"')}`);
    expect(onlyDirect._embedded.groupMemberships.map((m: { id: string }) => m.id)).toEqual([direct]);
    const onlyIndirect = await memberships(userId, `?filter=${encodeURIComponent('TYPE EQ "INDIRECT"')}`);
    expect(
      onlyIndirect._embedded.groupMemberships.map((m: { name: string; type: string }) => [m.name, m.type]),
    ).toEqual([["Typed Dynamic", "INDIRECT"]]);

    const refused = await env.api(
      "GET",
      `/users/${userId}/memberOfGroups?filter=${encodeURIComponent('name eq "x"')}`,
    );
    expect(refused.status).toBe(400);
    expectPingOneError(400, refused.body);
    expect(refused.body.details[0]).toMatchObject({ code: "INVALID_FILTER", target: "filter" });
    const badExpand = await env.api("GET", `/users/${userId}/memberOfGroups?expand=population`);
    expect(badExpand.status).toBe(400);
    expect(badExpand.body.details[0]).toMatchObject({ code: "INVALID_PARAMETER", target: "expand" });
  });

  it("derives INDIRECT memberships from dynamic groups and refuses to remove them", async () => {
    const dynamic = await createGroup({
      name: "Corp Staff",
      userFilter: 'email ew "@corp.example" and title sw "Eng"',
    });
    const insider = await env.createUser("dyn.insider", {
      email: "dyn.insider@corp.example",
      title: "Engineer",
    });
    const outsider = await env.createUser("dyn.outsider", {
      email: "dyn.outsider@corp.example",
      title: "Sales",
    });

    const listed = await memberships(insider);
    expect(listed._embedded.groupMemberships).toEqual([
      expect.objectContaining({ id: dynamic, name: "Corp Staff", type: "INDIRECT" }),
    ]);
    expect((await memberships(outsider)).count).toBe(0);
    expect((await env.api("GET", `/users/${outsider}/memberOfGroups/${dynamic}`)).status).toBe(404);

    const direct = await env.api("POST", `/users/${insider}/memberOfGroups`, { body: { id: dynamic } });
    expect(direct.status).toBe(400);
    expect(direct.body.details[0]).toMatchObject({ code: "INVALID_VALUE", target: "id" });

    const removal = await env.api("DELETE", `/users/${insider}/memberOfGroups/${dynamic}`);
    expect(removal.status).toBe(400);
    expectPingOneError(400, removal.body);
    expect((await memberships(insider)).count).toBe(1);
  });

  it("derives INDIRECT memberships from nested groups", async () => {
    const team = await createGroup({ name: "Nested Team" });
    const department = await createGroup({ name: "Nested Department" });
    const division = await createGroup({ name: "Nested Division" });
    const userId = await env.createUser("nested.member");
    await join(userId, team);

    const nest = await env.api("POST", `/groups/${team}/memberOfGroups`, { body: { id: department } });
    expect(nest.status).toBe(201);
    expectMatchesSchema(nest.body, "GroupMembership");
    expect(nest.body).toMatchObject({ id: department, type: "DIRECT" });
    expect(
      (await env.api("POST", `/groups/${department}/memberOfGroups`, { body: { id: division } })).status,
    ).toBe(201);

    const listed = await memberships(userId);
    expect(
      listed._embedded.groupMemberships.map((m: { name: string; type: string }) => [m.name, m.type]),
    ).toEqual([
      ["Nested Team", "DIRECT"],
      ["Nested Department", "INDIRECT"],
      ["Nested Division", "INDIRECT"],
    ]);

    const parents = await env.api("GET", `/groups/${team}/memberOfGroups`);
    expectCollection(parents.body, "groupMemberships");
    expect(
      parents.body._embedded.groupMemberships.map((m: { id: string; type: string }) => [m.id, m.type]),
    ).toEqual([
      [department, "DIRECT"],
      [division, "INDIRECT"],
    ]);
    expect((await env.api("GET", `/groups/${team}/memberOfGroups/${department}`)).body.type).toBe("DIRECT");
    const throughAncestor = await env.api("GET", `/groups/${team}/memberOfGroups/${division}`);
    expectMatchesSchema(throughAncestor.body, "GroupMembership");
    expect(throughAncestor.body.type).toBe("INDIRECT");
    const indirectRemoval = await env.api("DELETE", `/groups/${team}/memberOfGroups/${division}`);
    expect(indirectRemoval.status).toBe(400);
    expectPingOneError(400, indirectRemoval.body);

    const cycle = await env.api("POST", `/groups/${division}/memberOfGroups`, { body: { id: team } });
    expect(cycle.status).toBe(400);
    expectPingOneError(400, cycle.body);
    const self = await env.api("POST", `/groups/${team}/memberOfGroups`, { body: { id: team } });
    expect(self.status).toBe(400);
    const twice = await env.api("POST", `/groups/${team}/memberOfGroups`, { body: { id: department } });
    expect(twice.body.details[0].code).toBe("UNIQUENESS_VIOLATION");

    expect((await env.api("DELETE", `/groups/${department}/memberOfGroups/${division}`)).status).toBe(204);
    expect((await memberships(userId)).count).toBe(2);
    expect((await env.api("DELETE", `/groups/${department}/memberOfGroups/${division}`)).status).toBe(404);
  });

  it("keeps population groups to users of that population", async () => {
    const other = await env.api("POST", "/populations", { body: { name: "Membership Elsewhere" } });
    const groupId = await createGroup({ name: "Default Only", population: { id: env.defaultPopulationId } });
    const outsider = await env.createUser("pop.outsider", { population: { id: other.body.id } });
    const refused = await env.api("POST", `/users/${outsider}/memberOfGroups`, { body: { id: groupId } });
    expect(refused.status).toBe(400);
    expect(refused.body.details[0]).toMatchObject({ code: "INVALID_VALUE", target: "id" });
    await join(await env.createUser("pop.insider"), groupId);
  });

  it("pages memberships with limit and cursor", async () => {
    const userId = await env.createUser("paged.member");
    for (const name of ["Paged 1", "Paged 2", "Paged 3"]) await join(userId, await createGroup({ name }));
    const first = await memberships(userId, "?limit=2");
    expect(first).toMatchObject({ count: 3, size: 2 });
    const second = await env.api("GET", (first._links.next.href as string).slice(env.url.length));
    expectCollection(second.body, "groupMemberships");
    expect(second.body).toMatchObject({ count: 3, size: 1 });
    expect(second.body._links.next).toBeUndefined();
  });

  it("removes a direct membership with 204", async () => {
    const groupId = await createGroup({ name: "Leaving" });
    const userId = await env.createUser("leaving.member");
    await join(userId, groupId);
    const removed = await env.api("DELETE", `/users/${userId}/memberOfGroups/${groupId}`);
    expect(removed.status).toBe(204);
    expect((await env.api("GET", `/users/${userId}/memberOfGroups/${groupId}`)).status).toBe(404);
    const again = await env.api("DELETE", `/users/${userId}/memberOfGroups/${groupId}`);
    expect(again.status).toBe(404);
    expectPingOneError(404, again.body);
  });

  it("drops memberships with the user or the group", async () => {
    const kept = await createGroup({ name: "Cascade Kept" });
    const dropped = await createGroup({ name: "Cascade Dropped" });
    const leaving = await env.createUser("cascade.leaving");
    const staying = await env.createUser("cascade.staying");
    await join(leaving, kept);
    await join(staying, kept);
    await join(staying, dropped);

    expect((await env.api("DELETE", `/users/${leaving}`)).status).toBe(204);
    const group = await env.api("GET", `/groups/${kept}`);
    expect(group.body.directMemberCounts).toEqual({ users: 1 });

    expect((await env.api("DELETE", `/groups/${dropped}`)).status).toBe(204);
    const remaining = await memberships(staying);
    expect(remaining._embedded.groupMemberships.map((m: { id: string }) => m.id)).toEqual([kept]);
  });

  it("answers users filters and include=memberOfGroupIDs/Names with direct, dynamic and nested members", async () => {
    const parent = await createGroup({ name: "Lookup Parent" });
    const child = await createGroup({ name: "Lookup Child" });
    await createGroup({ name: "Lookup Dynamic", userFilter: 'nickname eq "lookup"' });
    expect((await env.api("POST", `/groups/${child}/memberOfGroups`, { body: { id: parent } })).status).toBe(
      201,
    );
    const direct = await env.createUser("lookup.direct", { name: { family: "Lookup" } });
    const nested = await env.createUser("lookup.nested", { name: { family: "Lookup" } });
    const dynamic = await env.createUser("lookup.dynamic", { nickname: "lookup", name: { family: "Other" } });
    await env.createUser("lookup.none", { name: { family: "Lookup" } });
    await join(direct, parent);
    await join(nested, child);

    const inParent = await env.api(
      "GET",
      `/users?filter=${encodeURIComponent(`memberOfGroups[id eq "${parent}"]`)}`,
    );
    expect(inParent.status).toBe(200);
    expectCollection(inParent.body, "users");
    expect(inParent.body._embedded.users.map((u: { id: string }) => u.id).sort()).toEqual(
      [direct, nested].sort(),
    );
    const combined = await env.api(
      "GET",
      `/users?filter=${encodeURIComponent(`memberOfGroups[id eq "${parent}"] and username sw "lookup.d"`)}`,
    );
    expect(combined.body._embedded.users.map((u: { id: string }) => u.id)).toEqual([direct]);

    const ctx = { db: env.emulator.db, clock: env.emulator.clock, settings: env.emulator.settings };
    expect(groupMemberUserIds(ctx, env.environmentId, parent)).toEqual([direct, nested]);

    const user = await env.api("GET", `/users/${dynamic}?include=memberOfGroupNames`);
    expectMatchesSchema(user.body, "User");
    expect(user.body.memberOfGroupNames).toEqual(["Lookup Dynamic"]);
    const ids = await env.api("GET", `/users/${nested}?include=memberOfGroupIDs`);
    expect(ids.body.memberOfGroupIDs).toEqual([parent, child]);
  });

  it("requires Identity Data Admin", async () => {
    const other = await env.environmentWithRoles(["Environment Admin"]);
    const refused = await env.api("GET", `/v1/environments/${other.environmentId}/users/x/memberOfGroups`, {
      token: other.token,
    });
    expect(refused.status).toBe(403);
    expectPingOneError(403, refused.body);
  });
});

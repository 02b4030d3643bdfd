import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectCollection, expectMatchesSchema, expectPingOneError } from "../contract/schema-validators.js";
import { type DirectoryTestEnvironment, startDirectoryTestEnvironment } from "./directory-test-client.js";

let env: DirectoryTestEnvironment;

beforeAll(async () => {
  env = await startDirectoryTestEnvironment();
});

afterAll(async () => {
  await env.emulator.stop();
});

async function createGroup(body: Record<string, unknown>) {
  const response = await env.api("POST", "/groups", { body });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  expectMatchesSchema(response.body, "Group");
  return response.body;
}

describe("groups", () => {
  it("creates a group with every writable attribute and reads it back", async () => {
    const created = await createGroup({
      name: "Engineering",
      description: "Builds things",
      externalId: "ext-eng",
      customData: { costCenter: 42, tags: ["a", "b"], nested: { ok: true } },
    });
    expect(created).toMatchObject({
      name: "Engineering",
      displayName: "Engineering",
      description: "Builds things",
      externalId: "ext-eng",
      customData: { costCenter: 42, tags: ["a", "b"], nested: { ok: true } },
      environment: { id: env.environmentId },
      directMemberCounts: { users: 0 },
    });
    expect(created._links.self.href).toBe(
      `${env.url}/v1/environments/${env.environmentId}/groups/${created.id}`,
    );
    expect(created.totalMemberCounts).toBeUndefined();

    const read = await env.api("GET", `/groups/${created.id}`);
    expect(read.status).toBe(200);
    expectMatchesSchema(read.body, "Group");
    expect(read.body).toEqual(created);
  });

  it("scopes a group to a population", async () => {
    const created = await createGroup({
      name: "Population scoped",
      population: { id: env.defaultPopulationId },
    });
    expect(created.population).toEqual({ id: env.defaultPopulationId });
    expect(created._links.population.href).toContain(`/populations/${env.defaultPopulationId}`);
  });

  it("filters the list by name, id and externalId, and refuses other filters", async () => {
    const target = await createGroup({ name: "Filter Target", externalId: "filter-ext" });
    await createGroup({ name: "Filter Other" });
    for (const filter of [`name eq "Filter Target"`, `id eq "${target.id}"`, `externalId eq "filter-ext"`]) {
      const listed = await env.api("GET", `/groups?filter=${encodeURIComponent(filter)}`);
      expect(listed.status, filter).toBe(200);
      expectCollection(listed.body, "groups");
      expect(listed.body._embedded.groups.map((g: { id: string }) => g.id)).toEqual([target.id]);
      expect(listed.body.count).toBe(1);
    }
    const refused = await env.api("GET", `/groups?filter=${encodeURIComponent('name sw "Filter"')}`);
    expect(refused.status).toBe(400);
    expectPingOneError(400, refused.body);
    expect(refused.body.code).toBe("INVALID_DATA");
    expect(refused.body.details[0]).toMatchObject({ code: "INVALID_FILTER", target: "filter" });
  });

  it("pages with limit and an opaque cursor bound to the query", async () => {
    for (const name of ["Page A", "Page B", "Page C"]) await createGroup({ name, externalId: "paged" });
    const filter = encodeURIComponent('externalId eq "paged"');
    const first = await env.api("GET", `/groups?filter=${filter}&limit=2`);
    expectCollection(first.body, "groups");
    expect(first.body).toMatchObject({ count: 3, size: 2 });
    const next = first.body._links.next.href as string;
    expect(next.startsWith(`${env.url}/v1/environments/${env.environmentId}/groups?`)).toBe(true);

    const second = await env.api("GET", next.slice(env.url.length));
    expectCollection(second.body, "groups");
    expect(second.body).toMatchObject({ count: 3, size: 1 });
    expect(second.body._links.next).toBeUndefined();
    const names = [...first.body._embedded.groups, ...second.body._embedded.groups].map(
      (g: { name: string }) => g.name,
    );
    expect(names).toEqual(["Page A", "Page B", "Page C"]);

    const cursor = new URL(next).searchParams.get("cursor") as string;
    for (const bad of [`/groups?cursor=${cursor}`, `/groups?filter=${filter}&limit=2&cursor=not-a-cursor`]) {
      const refused = await env.api("GET", bad);
      expect(refused.status, bad).toBe(400);
      expectPingOneError(400, refused.body);
      expect(refused.body.code).toBe("INVALID_REQUEST");
    }
    for (const limit of ["0", "1001", "ten"]) {
      const refused = await env.api("GET", `/groups?limit=${limit}`);
      expect(refused.status, limit).toBe(400);
      expectPingOneError(400, refused.body);
      expect(refused.body.details[0].target).toBe("limit");
    }
  });

  it("refuses a duplicate name with UNIQUENESS_VIOLATION and the existing id", async () => {
    const original = await createGroup({ name: "Unique Name" });
    const duplicate = await env.api("POST", "/groups", { body: { name: "UNIQUE name" } });
    expect(duplicate.status).toBe(400);
    expectPingOneError(400, duplicate.body);
    expect(duplicate.body.details[0]).toMatchObject({
      code: "UNIQUENESS_VIOLATION",
      target: "name",
      innerError: { existingId: original.id },
    });
    const populationGroup = await env.api("POST", "/groups", {
      body: { name: "Unique Name", population: { id: env.defaultPopulationId } },
    });
    expect(populationGroup.status).toBe(400);
    expect(populationGroup.body.details[0].code).toBe("UNIQUENESS_VIOLATION");
  });

  it("lets population groups share a name across populations", async () => {
    const other = await env.api("POST", "/populations", { body: { name: "Contractors" } });
    expect(other.status).toBe(201);
    await createGroup({ name: "Shared Name", population: { id: env.defaultPopulationId } });
    const second = await createGroup({ name: "Shared Name", population: { id: other.body.id } });
    expect(second.population.id).toBe(other.body.id);
  });

  it("rejects invalid bodies without creating anything", async () => {
    const before = (await env.api("GET", "/groups")).body.count;
    const cases: [unknown, string, string][] = [
      [{ description: "no name" }, "REQUIRED_VALUE", "name"],
      [{ name: "x", id: "mine" }, "INVALID_VALUE", "id"],
      [{ name: "x", color: "blue" }, "INVALID_VALUE", "color"],
      [{ name: 7 }, "INVALID_VALUE", "name"],
      [{ name: "x", customData: [1, 2] }, "INVALID_VALUE", "customData"],
      [
        { name: "x", population: { id: "00000000-0000-0000-0000-000000000000" } },
        "INVALID_VALUE",
        "population.id",
      ],
      [{ name: "x", userFilter: 'password eq "x"' }, "INVALID_FILTER", "userFilter"],
      [{ name: "x", userFilter: 'memberOfGroups[id eq "g"]' }, "INVALID_FILTER", "userFilter"],
    ];
    for (const [body, code, target] of cases) {
      const refused = await env.api("POST", "/groups", { body });
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expectPingOneError(400, refused.body);
      expect(refused.body.details).toContainEqual(expect.objectContaining({ code, target }));
    }
    const malformed = await env.api("POST", "/groups", { rawBody: "{not json" });
    expect(malformed.status).toBe(400);
    expectPingOneError(400, malformed.body);
    expect((await env.api("GET", "/groups")).body.count).toBe(before);
  });

  it("replaces a group with PUT, clearing attributes not sent", async () => {
    const group = await createGroup({
      name: "Before",
      description: "old",
      externalId: "e1",
      customData: { a: 1 },
    });
    const replaced = await env.api("PUT", `/groups/${group.id}`, {
      body: { name: "After", userFilter: 'title eq "x"' },
    });
    expect(replaced.status).toBe(200);
    expectMatchesSchema(replaced.body, "Group");
    expect(replaced.body).toMatchObject({ id: group.id, name: "After", userFilter: 'title eq "x"' });
    expect(replaced.body.description).toBeUndefined();
    expect(replaced.body.externalId).toBeUndefined();
    expect(replaced.body.customData).toBeUndefined();

    const moved = await env.api("PUT", `/groups/${group.id}`, {
      body: { name: "After", population: { id: env.defaultPopulationId } },
    });
    expect(moved.status).toBe(400);
    expectPingOneError(400, moved.body);
    expect(moved.body.details[0].target).toBe("population.id");
    expect((await env.api("GET", `/groups/${group.id}`)).body.name).toBe("After");
  });

  it("deletes a group with 204, then answers 404", async () => {
    const group = await createGroup({ name: "Short Lived" });
    const deleted = await env.api("DELETE", `/groups/${group.id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    for (const method of ["GET", "DELETE"]) {
      const gone = await env.api(method, `/groups/${group.id}`);
      expect(gone.status).toBe(404);
      expectPingOneError(404, gone.body);
      expect(gone.body.code).toBe("NOT_FOUND");
    }
    const putGone = await env.api("PUT", `/groups/${group.id}`, { body: { name: "Short Lived" } });
    expect(putGone.status).toBe(404);
  });

  it("counts direct, dynamic and nested members with include=totalMemberCounts", async () => {
    const parent = await createGroup({ name: "Counted Parent" });
    const child = await createGroup({ name: "Counted Child" });
    const dynamic = await createGroup({ name: "Counted Dynamic", userFilter: 'title eq "Counted"' });
    const direct = await env.createUser("counted.direct");
    const nested = await env.createUser("counted.nested");
    await env.createUser("counted.dynamic", { title: "Counted" });
    expect(
      (await env.api("POST", `/users/${direct}/memberOfGroups`, { body: { id: parent.id } })).status,
    ).toBe(201);
    expect(
      (await env.api("POST", `/users/${nested}/memberOfGroups`, { body: { id: child.id } })).status,
    ).toBe(201);
    expect(
      (await env.api("POST", `/groups/${child.id}/memberOfGroups`, { body: { id: parent.id } })).status,
    ).toBe(201);
    expect(
      (await env.api("POST", `/groups/${dynamic.id}/memberOfGroups`, { body: { id: parent.id } })).status,
    ).toBe(201);

    const counted = await env.api("GET", `/groups/${parent.id}?include=totalMemberCounts`);
    expect(counted.status).toBe(200);
    expectMatchesSchema(counted.body, "Group");
    expect(counted.body.directMemberCounts).toEqual({ users: 1 });
    expect(counted.body.totalMemberCounts).toEqual({ users: 3 });
    const dynamicCount = await env.api("GET", `/groups/${dynamic.id}?include=totalMemberCounts`);
    expect(dynamicCount.body).toMatchObject({
      directMemberCounts: { users: 0 },
      totalMemberCounts: { users: 1 },
    });

    const unknown = await env.api("GET", `/groups/${parent.id}?include=everything`);
    expect(unknown.status).toBe(400);
    expectPingOneError(400, unknown.body);
    expect(unknown.body.details[0]).toMatchObject({ code: "INVALID_PARAMETER", target: "include" });
  });

  it("answers 405 for a method the group resources do not serve", async () => {
    const group = await createGroup({ name: "Method Test" });
    for (const [method, path] of [
      ["PATCH", `/groups/${group.id}`],
      ["PUT", "/groups"],
      ["DELETE", "/groups"],
    ] as const) {
      const refused = await env.api(method, path, { body: { name: "x" } });
      expect(refused.status, `${method} ${path}`).toBe(405);
      expect(refused.body).toMatchObject({ code: "METHOD_NOT_ALLOWED" });
      expectMatchesSchema(refused.body, "P1Error");
    }
  });

  it("requires Identity Data Admin", async () => {
    const other = await env.environmentWithRoles(["Environment Admin"]);
    const refused = await env.api("GET", `/v1/environments/${other.environmentId}/groups`, {
      token: other.token,
    });
    expect(refused.status).toBe(403);
    expectPingOneError(403, refused.body);
    expect(refused.body.code).toBe("ACCESS_FAILED");
    const created = await env.api("POST", `/v1/environments/${other.environmentId}/groups`, {
      token: other.token,
      body: { name: "Nope" },
    });
    expect(created.status).toBe(403);
  });
});

describe("groups with the 409 duplicates setting", () => {
  it("answers a duplicate name with 409", async () => {
    const strict = await startDirectoryTestEnvironment({ settings: { duplicateStatus: 409 } });
    try {
      expect((await strict.api("POST", "/groups", { body: { name: "Twice" } })).status).toBe(201);
      const second = await strict.api("POST", "/groups", { body: { name: "Twice" } });
      expect(second.status).toBe(409);
      expectPingOneError(409, second.body);
      expect(second.body.details[0].code).toBe("UNIQUENESS_VIOLATION");
    } finally {
      await strict.emulator.stop();
    }
  });
});

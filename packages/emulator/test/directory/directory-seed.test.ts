import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatorContext } from "../../src/context.js";
import { SeedError } from "../../src/index.js";
import { type DirectorySeed, seedDirectory } from "../../src/seed/directory-seed.js";
import { expectCollection } from "../contract/schema-validators.js";
import { type DirectoryTestEnvironment, startDirectoryTestEnvironment } from "./directory-test-client.js";

let env: DirectoryTestEnvironment;
let ctx: EmulatorContext;

beforeAll(async () => {
  env = await startDirectoryTestEnvironment();
  ctx = { db: env.emulator.db, clock: env.emulator.clock, settings: env.emulator.settings };
});

afterAll(async () => {
  await env.emulator.stop();
});

/** What the seed loader does: the whole environment in one transaction. */
function seed(directory: DirectorySeed): void {
  ctx.db.transaction(() => seedDirectory(ctx, env.environmentId, directory, "environments[0]"))();
}

describe("directory seed", () => {
  it("loads groups, memberships, providers, links, sessions and role assignments readable over the API", async () => {
    const ada = await env.createUser("seed.ada", { title: "Engineer" });
    await env.createUser("seed.bob");
    seed({
      groups: [
        { id: "6b0c7c52-0000-4000-8000-000000000001", name: "Seed Staff", customData: { floor: 3 } },
        { name: "Seed Engineers", userFilter: 'title eq "Engineer"', memberOfGroups: ["Seed Staff"] },
        { name: "Seed Default Pop", population: "Default" },
      ],
      groupMemberships: [{ user: "seed.bob", group: "Seed Staff" }],
      identityProviders: [
        {
          id: "6b0c7c52-0000-4000-8000-000000000002",
          type: "GOOGLE",
          name: "Seed Google",
          clientId: "c",
          clientSecret: "s",
        },
      ],
      linkedAccounts: [{ user: "seed.ada", identityProvider: "Seed Google", externalId: "g-ada" }],
      sessions: [{ user: "seed.ada", createdAt: "2025-05-01T08:00:00Z", remoteIp: "192.0.2.1" }],
      roleAssignments: [
        { user: "seed.ada", role: "Identity Data Admin", readOnly: true },
        { user: "seed.ada", role: "Identity Data Admin", scope: { type: "POPULATION", id: "Default" } },
      ],
    });

    const staff = await env.api(
      "GET",
      "/groups/6b0c7c52-0000-4000-8000-000000000001?include=totalMemberCounts",
    );
    expect(staff.body).toMatchObject({
      customData: { floor: 3 },
      directMemberCounts: { users: 1 },
      totalMemberCounts: { users: 2 },
    });
    const scoped = await env.api("GET", `/groups?filter=${encodeURIComponent('name eq "Seed Default Pop"')}`);
    expect(scoped.body._embedded.groups[0].population).toEqual({ id: env.defaultPopulationId });

    const memberships = await env.api("GET", `/users/${ada}/memberOfGroups`);
    expect(
      memberships.body._embedded.groupMemberships.map((m: { name: string; type: string }) => [
        m.name,
        m.type,
      ]),
    ).toEqual([
      ["Seed Staff", "INDIRECT"],
      ["Seed Engineers", "INDIRECT"],
    ]);

    const links = await env.api("GET", `/users/${ada}/linkedAccounts?expand=identityProviders`);
    expectCollection(links.body, "linkedAccounts");
    expect(links.body._embedded.linkedAccounts[0]).toMatchObject({
      externalId: "g-ada",
      identityProvider: { id: "6b0c7c52-0000-4000-8000-000000000002" },
    });

    const sessions = await env.api("GET", `/users/${ada}/sessions`);
    expect(sessions.body._embedded.sessions[0]).toMatchObject({ createdAt: "2025-05-01T08:00:00.000Z" });

    const roles = await env.api("GET", `/users/${ada}/roleAssignments`);
    expect(
      roles.body._embedded.roleAssignments.map((r: { scope: unknown; readOnly: boolean }) => [
        r.scope,
        r.readOnly,
      ]),
    ).toEqual([
      [{ id: env.environmentId, type: "ENVIRONMENT" }, true],
      [{ id: env.defaultPopulationId, type: "POPULATION" }, false],
    ]);
    const readOnlyId = roles.body._embedded.roleAssignments[0].id;
    const refused = await env.api("DELETE", `/users/${ada}/roleAssignments/${readOnlyId}`);
    expect(refused.status).toBe(400);
  });

  it("names the bad entry and leaves nothing behind", async () => {
    const before = (await env.api("GET", "/groups")).body.count;
    const failures: [DirectorySeed, RegExp][] = [
      [
        { groups: [{ name: "Seed Rollback" }, { description: "nameless" }] },
        /environments\[0\]\.groups\[1\]: name is required/,
      ],
      [
        {
          groups: [{ name: "Seed Rollback" }],
          groupMemberships: [{ user: "nobody", group: "Seed Rollback" }],
        },
        /groupMemberships\[0\]: no user "nobody"/,
      ],
      [
        { identityProviders: [{ type: "GOOGLE", name: "No Secret", clientId: "c" }] },
        /identityProviders\[0\]: clientSecret is required/,
      ],
      [
        { roleAssignments: [{ user: "seed.bob", role: "Galactic Admin" }] },
        /roleAssignments\[0\]: no role "Galactic Admin"/,
      ],
      [
        { sessions: [{ user: "seed.bob", createdAt: "soon" }] },
        /sessions\[0\]: createdAt must be an ISO 8601 date-time/,
      ],
      [{ groups: "all of them" } as unknown as DirectorySeed, /groups: must be an array/],
    ];
    for (const [directory, message] of failures) {
      expect(() => seed(directory)).toThrow(SeedError);
      expect(() => seed(directory)).toThrow(message);
    }
    expect((await env.api("GET", "/groups")).body.count).toBe(before);
  });
});

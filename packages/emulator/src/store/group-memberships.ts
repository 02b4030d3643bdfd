import type { SqlFragment, SqlParameter } from "../scim/filter-sql.js";
import type { EmulatorDatabase } from "./database.js";

/**
 * Compiles a group's `userFilter` (a SCIM users filter) to an SQL boolean over the users table, named
 * `userTable` in the surrounding query. Injected so this module stays independent of the SCIM compiler's
 * wiring; see domain/dynamic-group-filter.ts.
 */
export type UserFilterCompiler = (userFilter: string, userTable: string) => SqlFragment;

export type MembershipType = "DIRECT" | "INDIRECT";

/** One group a user (or a nested group) belongs to, and how (docs/emulator.md#groups). */
export interface UserMembership {
  groupId: string;
  type: MembershipType;
}

interface DynamicGroupRow {
  id: string;
  population_id: string | null;
  user_filter: string;
}

export function isDirectMember(db: EmulatorDatabase, userId: string, groupId: string): boolean {
  return (
    db.prepare("SELECT 1 FROM group_memberships WHERE user_id = ? AND group_id = ?").get(userId, groupId) !==
    undefined
  );
}

export function addDirectMembership(
  db: EmulatorDatabase,
  userId: string,
  groupId: string,
  now: number,
): void {
  db.prepare("INSERT INTO group_memberships (user_id, group_id, created_at) VALUES (?, ?, ?)").run(
    userId,
    groupId,
    now,
  );
}

export function removeDirectMembership(db: EmulatorDatabase, userId: string, groupId: string): void {
  db.prepare("DELETE FROM group_memberships WHERE user_id = ? AND group_id = ?").run(userId, groupId);
}

/** A dynamic group admits only users its population scope allows, and who match its filter. */
function dynamicGroupCondition(
  group: DynamicGroupRow,
  compile: UserFilterCompiler,
  userTable: string,
): SqlFragment {
  const filter = compile(group.user_filter, userTable);
  if (group.population_id === null) return { sql: `(${filter.sql})`, params: filter.params };
  return {
    sql: `(${userTable}.population_id = ? AND (${filter.sql}))`,
    params: [group.population_id, ...filter.params],
  };
}

function dynamicGroupsOf(db: EmulatorDatabase, environmentId: string): DynamicGroupRow[] {
  return db
    .prepare(
      "SELECT id, population_id, user_filter FROM groups WHERE environment_id = ? AND user_filter IS NOT NULL",
    )
    .all(environmentId) as DynamicGroupRow[];
}

/**
 * Every group a user belongs to, in group creation order: DIRECT for stored memberships, INDIRECT for
 * groups the user reaches through a dynamic `userFilter` or through group nesting (a member of a group
 * nested in G is an indirect member of G).
 */
export function resolveUserMemberships(
  db: EmulatorDatabase,
  environmentId: string,
  userId: string,
  compile: UserFilterCompiler,
): UserMembership[] {
  const direct = new Set(
    db.prepare("SELECT group_id FROM group_memberships WHERE user_id = ?").pluck().all(userId) as string[],
  );
  const reached = new Set(direct);
  for (const group of dynamicGroupsOf(db, environmentId)) {
    if (reached.has(group.id)) continue;
    const condition = dynamicGroupCondition(group, compile, "users");
    const matches = db
      .prepare(`SELECT 1 FROM users WHERE id = ? AND environment_id = ? AND ${condition.sql}`)
      .get(userId, environmentId, ...condition.params);
    if (matches !== undefined) reached.add(group.id);
  }
  if (reached.size === 0) return [];
  const withAncestors = db
    .prepare(
      `WITH RECURSIVE reach(id) AS (
         SELECT value FROM json_each(?)
         UNION SELECT n.parent_group_id FROM group_nestings n JOIN reach ON n.group_id = reach.id
       )
       SELECT g.id FROM groups g JOIN reach ON reach.id = g.id ORDER BY g.seq`,
    )
    .pluck()
    .all(JSON.stringify([...reached])) as string[];
  return withAncestors.map((groupId) => ({ groupId, type: direct.has(groupId) ? "DIRECT" : "INDIRECT" }));
}

/** A group and every group nested in it, transitively (their members are its members). */
function groupWithNestedGroups(db: EmulatorDatabase, groupId: string): string[] {
  return db
    .prepare(
      `WITH RECURSIVE nested(id) AS (
         SELECT ? UNION SELECT n.group_id FROM group_nestings n JOIN nested ON n.parent_group_id = nested.id
       ) SELECT id FROM nested`,
    )
    .pluck()
    .all(groupId) as string[];
}

/**
 * The SQL condition "this user is a member of the group, directly or not", over a `users` row: what the
 * users filter compiles `memberOfGroups[id eq "<groupId>"]` to, and what "members of a group" lists.
 * `userTable` is the name or alias of the users table in the surrounding query. An unknown group matches
 * no user. Dynamic filters are compiled here, so a group's `userFilter` must not itself use memberOfGroups.
 */
export function memberOfGroupCondition(
  db: EmulatorDatabase,
  environmentId: string,
  groupId: string,
  compile: UserFilterCompiler,
  userTable = "users",
): SqlFragment {
  const exists = db
    .prepare("SELECT 1 FROM groups WHERE id = ? AND environment_id = ?")
    .get(groupId, environmentId);
  if (exists === undefined) return { sql: "0", params: [] };
  const groupIds = groupWithNestedGroups(db, groupId);
  // Matching on the users rowid (`seq IN (…)`) lets SQLite drive the query from the group's memberships,
  // one rowid lookup per member, instead of scanning every user of the environment.
  const parts: string[] = [
    `${userTable}.seq IN (SELECT member.seq FROM group_memberships gm JOIN users member ON member.id = gm.user_id
       WHERE gm.group_id IN (SELECT value FROM json_each(?)))`,
  ];
  const params: SqlParameter[] = [JSON.stringify(groupIds)];
  const dynamic = db
    .prepare(
      `SELECT id, population_id, user_filter FROM groups
        WHERE id IN (SELECT value FROM json_each(?)) AND user_filter IS NOT NULL`,
    )
    .all(JSON.stringify(groupIds)) as DynamicGroupRow[];
  for (const group of dynamic) {
    const condition = dynamicGroupCondition(group, compile, userTable);
    parts.push(condition.sql);
    params.push(...condition.params);
  }
  return { sql: `(${parts.join(" OR ")})`, params };
}

/** Ids of the users in a group (direct, dynamic and nested), in user creation order. */
export function listGroupMemberIds(
  db: EmulatorDatabase,
  environmentId: string,
  groupId: string,
  compile: UserFilterCompiler,
): string[] {
  const condition = memberOfGroupCondition(db, environmentId, groupId, compile);
  return db
    .prepare(`SELECT id FROM users WHERE environment_id = ? AND ${condition.sql} ORDER BY seq`)
    .pluck()
    .all(environmentId, ...condition.params) as string[];
}

/** `totalMemberCounts.users`: everyone in the group, however they got there. */
export function countAllMembers(
  db: EmulatorDatabase,
  environmentId: string,
  groupId: string,
  compile: UserFilterCompiler,
): number {
  const condition = memberOfGroupCondition(db, environmentId, groupId, compile);
  return db
    .prepare(`SELECT COUNT(*) FROM users WHERE environment_id = ? AND ${condition.sql}`)
    .pluck()
    .get(environmentId, ...condition.params) as number;
}

/** `directMemberCounts.users` for several groups in one query. */
export function countDirectMembers(db: EmulatorDatabase, groupIds: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>(groupIds.map((id) => [id, 0]));
  if (groupIds.length === 0) return counts;
  const rows = db
    .prepare(
      `SELECT group_id, COUNT(*) AS n FROM group_memberships
        WHERE group_id IN (SELECT value FROM json_each(?)) GROUP BY group_id`,
    )
    .all(JSON.stringify(groupIds)) as { group_id: string; n: number }[];
  for (const row of rows) counts.set(row.group_id, row.n);
  return counts;
}

/**
 * The groups a group belongs to (P/groups/{id}/memberOfGroups), in group creation order: DIRECT for the
 * groups it is nested in, INDIRECT for their ancestors.
 */
export function resolveGroupMemberships(db: EmulatorDatabase, groupId: string): UserMembership[] {
  const rows = db
    .prepare(
      `WITH RECURSIVE ancestors(id) AS (
         SELECT parent_group_id FROM group_nestings WHERE group_id = ?
         UNION SELECT n.parent_group_id FROM group_nestings n JOIN ancestors ON n.group_id = ancestors.id
       )
       SELECT g.id AS groupId,
              EXISTS (SELECT 1 FROM group_nestings WHERE group_id = ? AND parent_group_id = g.id) AS direct
         FROM groups g JOIN ancestors ON ancestors.id = g.id
        WHERE g.id <> ? ORDER BY g.seq`,
    )
    .all(groupId, groupId, groupId) as { groupId: string; direct: number }[];
  return rows.map((row) => ({ groupId: row.groupId, type: row.direct === 1 ? "DIRECT" : "INDIRECT" }));
}

export function isNestedIn(db: EmulatorDatabase, groupId: string, parentGroupId: string): boolean {
  return (
    db
      .prepare("SELECT 1 FROM group_nestings WHERE group_id = ? AND parent_group_id = ?")
      .get(groupId, parentGroupId) !== undefined
  );
}

/** True when nesting `groupId` into `parentGroupId` would make a group its own ancestor. */
export function nestingWouldCycle(db: EmulatorDatabase, groupId: string, parentGroupId: string): boolean {
  return groupWithNestedGroups(db, groupId).includes(parentGroupId);
}

export function addNesting(db: EmulatorDatabase, groupId: string, parentGroupId: string, now: number): void {
  db.prepare("INSERT INTO group_nestings (group_id, parent_group_id, created_at) VALUES (?, ?, ?)").run(
    groupId,
    parentGroupId,
    now,
  );
}

export function removeNesting(db: EmulatorDatabase, groupId: string, parentGroupId: string): void {
  db.prepare("DELETE FROM group_nestings WHERE group_id = ? AND parent_group_id = ?").run(
    groupId,
    parentGroupId,
  );
}

import type { SqlFragment } from "../scim/filter-sql.js";
import type { EmulatorDatabase } from "./database.js";
import { filterColumns } from "./filter-columns.js";
import { type KeysetPage, keysetPage, scopedCondition } from "./keyset-page.js";

/** A group as stored (docs/emulator.md#groups). */
export interface GroupRecord {
  id: string;
  environmentId: string;
  /** Absent for an environment-level group. */
  populationId: string | null;
  name: string;
  description: string | null;
  /** A SCIM users filter; set, it makes the group dynamic. */
  userFilter: string | null;
  externalId: string | null;
  customData: Record<string, unknown> | null;
  createdAt: number;
  updatedAt: number;
}

/** The writable attributes of a group (POST and PUT). */
export type GroupFields = Pick<
  GroupRecord,
  "populationId" | "name" | "description" | "userFilter" | "externalId" | "customData"
>;

interface GroupRow {
  seq: number;
  id: string;
  environment_id: string;
  population_id: string | null;
  name: string;
  description: string | null;
  user_filter: string | null;
  external_id: string | null;
  custom_data: string | null;
  created_at: number;
  updated_at: number;
}

/** SCIM attribute → column of `groups`, for the groups filter (`name eq`, `id eq`, `externalId eq`). */
const GROUP_FILTER_COLUMNS: Readonly<Record<string, string>> = {
  id: "groups.id",
  name: "groups.name",
  externalId: "groups.external_id",
};

/** Where the groups filter finds each attribute (it declares no bracketed attributes). */
export const groupFilterResolver = filterColumns(GROUP_FILTER_COLUMNS);

function toRecord(row: GroupRow): GroupRecord {
  return {
    id: row.id,
    environmentId: row.environment_id,
    populationId: row.population_id,
    name: row.name,
    description: row.description,
    userFilter: row.user_filter,
    externalId: row.external_id,
    customData: row.custom_data === null ? null : (JSON.parse(row.custom_data) as Record<string, unknown>),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function findGroup(
  db: EmulatorDatabase,
  environmentId: string,
  groupId: string,
): GroupRecord | undefined {
  const row = db
    .prepare("SELECT * FROM groups WHERE id = ? AND environment_id = ?")
    .get(groupId, environmentId) as GroupRow | undefined;
  return row === undefined ? undefined : toRecord(row);
}

/** Groups of an environment by id, for rendering memberships without one query per item. */
export function findGroupsByIds(
  db: EmulatorDatabase,
  environmentId: string,
  ids: readonly string[],
): GroupRecord[] {
  if (ids.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT * FROM groups WHERE environment_id = ? AND id IN (SELECT value FROM json_each(?)) ORDER BY seq`,
    )
    .all(environmentId, JSON.stringify(ids)) as GroupRow[];
  return rows.map(toRecord);
}

/**
 * The group whose name would clash with `name` in the given scope: PingOne lets population groups reuse a
 * name across populations, but an environment group's name is unique in the environment, and a population
 * group cannot take an environment group's name (community spec, Group.name).
 */
export function findConflictingGroupName(
  db: EmulatorDatabase,
  environmentId: string,
  name: string,
  populationId: string | null,
  excludeGroupId?: string,
): string | undefined {
  const sql =
    populationId === null
      ? "SELECT id FROM groups WHERE environment_id = ? AND name = ? COLLATE NOCASE AND id <> ? LIMIT 1"
      : `SELECT id FROM groups WHERE environment_id = ? AND name = ? COLLATE NOCASE AND id <> ?
           AND (population_id IS NULL OR population_id = ?) LIMIT 1`;
  const params: unknown[] = [environmentId, name, excludeGroupId ?? ""];
  if (populationId !== null) params.push(populationId);
  return db
    .prepare(sql)
    .pluck()
    .get(...params) as string | undefined;
}

export function insertGroup(
  db: EmulatorDatabase,
  environmentId: string,
  fields: GroupFields,
  now: number,
  id: string = crypto.randomUUID(),
): GroupRecord {
  db.prepare(
    `INSERT INTO groups (id, environment_id, population_id, name, description, user_filter, external_id, custom_data,
       created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    environmentId,
    fields.populationId,
    fields.name,
    fields.description,
    fields.userFilter,
    fields.externalId,
    fields.customData === null ? null : JSON.stringify(fields.customData),
    now,
    now,
  );
  return { id, environmentId, ...fields, createdAt: now, updatedAt: now };
}

/** Writes every writable attribute (PUT semantics: attributes not sent were cleared by the caller). */
export function updateGroup(
  db: EmulatorDatabase,
  group: GroupRecord,
  fields: GroupFields,
  now: number,
): GroupRecord {
  db.prepare(
    `UPDATE groups SET population_id = ?, name = ?, description = ?, user_filter = ?, external_id = ?, custom_data = ?,
       updated_at = ? WHERE id = ?`,
  ).run(
    fields.populationId,
    fields.name,
    fields.description,
    fields.userFilter,
    fields.externalId,
    fields.customData === null ? null : JSON.stringify(fields.customData),
    now,
    group.id,
  );
  return { ...group, ...fields, updatedAt: now };
}

/** Deletes a group; memberships and nestings go with it (ON DELETE CASCADE). */
export function deleteGroup(db: EmulatorDatabase, groupId: string): void {
  db.prepare("DELETE FROM groups WHERE id = ?").run(groupId);
}

/**
 * One keyset page of an environment's groups in creation order. `filter` is a compiled groups filter;
 * `lastKey` is the last row's seq (for the next cursor).
 */
export function listGroups(
  db: EmulatorDatabase,
  environmentId: string,
  filter: SqlFragment | undefined,
  page: { after: number; limit: number },
): KeysetPage<GroupRecord> {
  const where = scopedCondition({ sql: "groups.environment_id = ?", params: [environmentId] }, filter);
  const result = keysetPage<GroupRow>(db, { table: "groups", key: "seq", where, ...page });
  return { ...result, rows: result.rows.map(toRecord) };
}

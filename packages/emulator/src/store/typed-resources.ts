import type { EmulatorDatabase } from "./database.js";

/**
 * The tables of an environment's typed, named resources: an LDAP gateway or an identity
 * provider is a `type`, a `name` unique without regard to case, a description, an enabled
 * switch and the type's own attributes as JSON `settings`, plus what each kind adds.
 */
export type TypedResourceTable = "gateways" | "identity_providers";

/** The columns every typed resource row has. */
export interface TypedResourceRow {
  id: string;
  environment_id: string;
  type: string;
  name: string;
  description: string | null;
  enabled: number;
  settings: string;
  created_at: number;
  updated_at: number;
}

/** What every typed resource record has; each kind's record adds its own fields. */
export interface TypedResource {
  id: string;
  environmentId: string;
  type: string;
  name: string;
  description: string | null;
  enabled: boolean;
  /** Type-specific attributes, returned as sent except write-only ones. */
  settings: Record<string, unknown>;
  createdAt: number;
  updatedAt: number;
}

export function typedResourceOf(row: TypedResourceRow): TypedResource {
  return {
    id: row.id,
    environmentId: row.environment_id,
    type: row.type,
    name: row.name,
    description: row.description,
    enabled: row.enabled === 1,
    settings: JSON.parse(row.settings) as Record<string, unknown>,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The row of the environment's resource with this id. */
export function findTypedResourceRow<Row extends TypedResourceRow>(
  db: EmulatorDatabase,
  table: TypedResourceTable,
  environmentId: string,
  id: string,
): Row | undefined {
  return db.prepare(`SELECT * FROM ${table} WHERE id = ? AND environment_id = ?`).get(id, environmentId) as
    | Row
    | undefined;
}

/** The id of the environment's resource with this name, compared ignoring case. */
export function findTypedResourceIdByName(
  db: EmulatorDatabase,
  table: TypedResourceTable,
  environmentId: string,
  name: string,
): string | undefined {
  return db
    .prepare(`SELECT id FROM ${table} WHERE environment_id = ? AND name = ? COLLATE NOCASE`)
    .pluck()
    .get(environmentId, name) as string | undefined;
}

export function deleteTypedResource(db: EmulatorDatabase, table: TypedResourceTable, id: string): void {
  db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id);
}

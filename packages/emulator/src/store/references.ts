import type { EmulatorDatabase } from "./database.js";

/** Tables whose rows a seed file may name by id or by a name column. */
type NamedTable =
  | "users"
  | "groups"
  | "populations"
  | "identity_providers"
  | "password_policies"
  | "agreements";

/**
 * The id of an environment's row named by `reference`: its id, else its `nameColumn` compared
 * ignoring case (seed files name what they reference). An id match wins; then creation order.
 */
export function findIdByIdOrName(
  db: EmulatorDatabase,
  table: NamedTable,
  nameColumn: "name" | "username",
  environmentId: string,
  reference: string,
): string | undefined {
  return db
    .prepare(
      `SELECT id FROM ${table} WHERE environment_id = ? AND (id = ? OR ${nameColumn} = ? COLLATE NOCASE)
        ORDER BY id = ? DESC, rowid LIMIT 1`,
    )
    .pluck()
    .get(environmentId, reference, reference, reference) as string | undefined;
}

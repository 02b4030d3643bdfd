import type { SqlFragment } from "../scim/filter-sql.js";
import { countRows } from "./cached-count.js";
import { cachedStatement, type EmulatorDatabase } from "./database.js";
import { filterColumns } from "./filter-columns.js";
import { type KeysetPage, keysetPage, scopedCondition } from "./keyset-page.js";

export interface PopulationRow {
  id: string;
  environment_id: string;
  name: string;
  description: string | null;
  is_default: number;
  alternative_identifiers: string;
  password_policy_id: string | null;
  theme_id: string | null;
  preferred_language: string | null;
  created_at: number;
  updated_at: number;
}

export interface PopulationFields {
  name: string;
  description: string | null;
  isDefault: boolean;
  alternativeIdentifiers: readonly string[];
  passwordPolicyId: string | null;
  themeId: string | null;
  preferredLanguage: string | null;
}

export function insertPopulation(
  db: EmulatorDatabase,
  environmentId: string,
  fields: PopulationFields,
  now: number,
  id: string = crypto.randomUUID(),
): string {
  if (fields.isDefault) clearDefaultPopulation(db, environmentId);
  db.prepare(
    `INSERT INTO populations (id, environment_id, name, description, is_default, alternative_identifiers,
                              password_policy_id, theme_id, preferred_language, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    environmentId,
    fields.name,
    fields.description,
    fields.isDefault ? 1 : 0,
    JSON.stringify(fields.alternativeIdentifiers),
    fields.passwordPolicyId,
    fields.themeId,
    fields.preferredLanguage,
    now,
    now,
  );
  return id;
}

export function updatePopulation(
  db: EmulatorDatabase,
  id: string,
  environmentId: string,
  fields: PopulationFields,
  now: number,
): void {
  if (fields.isDefault) clearDefaultPopulation(db, environmentId);
  db.prepare(
    `UPDATE populations SET name = ?, description = ?, is_default = ?, alternative_identifiers = ?,
            password_policy_id = ?, theme_id = ?, preferred_language = ?, updated_at = ?
      WHERE id = ?`,
  ).run(
    fields.name,
    fields.description,
    fields.isDefault ? 1 : 0,
    JSON.stringify(fields.alternativeIdentifiers),
    fields.passwordPolicyId,
    fields.themeId,
    fields.preferredLanguage,
    now,
    id,
  );
}

/** One default per environment: making a population default takes the flag from the previous one. */
function clearDefaultPopulation(db: EmulatorDatabase, environmentId: string): void {
  db.prepare("UPDATE populations SET is_default = 0 WHERE environment_id = ? AND is_default = 1").run(
    environmentId,
  );
}

export function findPopulation(
  db: EmulatorDatabase,
  environmentId: string,
  id: string,
): PopulationRow | undefined {
  return cachedStatement(db, "SELECT * FROM populations WHERE id = ? AND environment_id = ?").get(
    id,
    environmentId,
  ) as PopulationRow | undefined;
}

export function findPopulationByName(
  db: EmulatorDatabase,
  environmentId: string,
  name: string,
): PopulationRow | undefined {
  return db
    .prepare("SELECT * FROM populations WHERE environment_id = ? AND name = ? COLLATE NOCASE")
    .get(environmentId, name) as PopulationRow | undefined;
}

export function findDefaultPopulation(
  db: EmulatorDatabase,
  environmentId: string,
): PopulationRow | undefined {
  return db
    .prepare("SELECT * FROM populations WHERE environment_id = ? AND is_default = 1")
    .get(environmentId) as PopulationRow | undefined;
}

/** `userCount`: exact, and cached until the next write (a population can hold a million users). */
export function countPopulationUsers(db: EmulatorDatabase, populationId: string): number {
  return countRows(db, "SELECT COUNT(*) FROM users WHERE population_id = ?", [populationId]);
}

export function deletePopulation(db: EmulatorDatabase, id: string): void {
  db.prepare("DELETE FROM populations WHERE id = ?").run(id);
}

const POPULATION_COLUMNS: Readonly<Record<string, string>> = { name: "p.name", id: "p.id" };

/** Where the populations filter finds each attribute (the filter declares no bracketed attributes). */
export const populationFilterResolver = filterColumns(POPULATION_COLUMNS);

/** One page of an environment's populations in creation order. */
export function listPopulations(
  db: EmulatorDatabase,
  environmentId: string,
  filter: SqlFragment | undefined,
  page: { after: number; limit: number },
): KeysetPage<PopulationRow> {
  const where = scopedCondition({ sql: "p.environment_id = ?", params: [environmentId] }, filter);
  return keysetPage<PopulationRow>(db, { table: "populations", alias: "p", key: "rowid", where, ...page });
}

import type { SqlFragment } from "../scim/filter-sql.js";
import { cachedStatement, type EmulatorDatabase } from "./database.js";
import { filterColumns } from "./filter-columns.js";
import { type KeysetPage, keysetPage, scopedCondition } from "./keyset-page.js";

export interface EnvironmentRow {
  id: string;
  organization_id: string;
  name: string;
  description: string | null;
  type: string;
  region: string;
  status: string;
  license_id: string;
  custom_user_attributes: string;
  created_at: number;
  updated_at: number;
}

export interface NewEnvironment {
  id: string;
  organizationId: string;
  name: string;
  description?: string;
  type: string;
  region: string;
  licenseId: string;
  customUserAttributes: readonly string[];
  now: number;
}

export function insertEnvironment(db: EmulatorDatabase, environment: NewEnvironment): void {
  db.prepare(
    `INSERT INTO environments (id, organization_id, name, description, type, region, status, license_id,
                               custom_user_attributes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?)`,
  ).run(
    environment.id,
    environment.organizationId,
    environment.name,
    environment.description ?? null,
    environment.type,
    environment.region,
    environment.licenseId,
    JSON.stringify(environment.customUserAttributes),
    environment.now,
    environment.now,
  );
}

export function findEnvironment(db: EmulatorDatabase, id: string): EnvironmentRow | undefined {
  return cachedStatement(db, "SELECT * FROM environments WHERE id = ?").get(id) as EnvironmentRow | undefined;
}

export function findEnvironmentByName(db: EmulatorDatabase, name: string): EnvironmentRow | undefined {
  return db.prepare("SELECT * FROM environments WHERE name = ? ORDER BY created_at LIMIT 1").get(name) as
    | EnvironmentRow
    | undefined;
}

/** The organisation an environment belongs to. */
export function organizationOf(db: EmulatorDatabase, environmentId: string): string | undefined {
  return findEnvironment(db, environmentId)?.organization_id;
}

const ENVIRONMENT_COLUMNS: Readonly<Record<string, string>> = {
  name: "e.name",
  id: "e.id",
  "organization.id": "e.organization_id",
  "license.id": "e.license_id",
  status: "e.status",
};

/** Where the environments filter finds each attribute (the filter declares no bracketed attributes). */
export const environmentFilterResolver = filterColumns(ENVIRONMENT_COLUMNS);

/** One page of environments: a whole organisation's, or a single environment's. */
export function listEnvironments(
  db: EmulatorDatabase,
  scope: { organizationId: string } | { environmentId: string },
  filter: SqlFragment | undefined,
  page: { after: number; limit: number },
): KeysetPage<EnvironmentRow> {
  const condition =
    "organizationId" in scope
      ? { sql: "e.organization_id = ?", params: [scope.organizationId] }
      : { sql: "e.id = ?", params: [scope.environmentId] };
  const where = scopedCondition(condition, filter);
  return keysetPage<EnvironmentRow>(db, { table: "environments", alias: "e", key: "rowid", where, ...page });
}

/** The custom attribute names the environment's user schema declares. */
export function customUserAttributes(environment: EnvironmentRow): string[] {
  return JSON.parse(environment.custom_user_attributes) as string[];
}

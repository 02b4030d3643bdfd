import type { EmulatorDatabase } from "./database.js";
import { type KeysetPage, keysetPage } from "./keyset-page.js";

/** An external identity provider (docs/emulator.md#linked-accounts), enough to link accounts to it. */
export interface IdentityProviderRecord {
  id: string;
  environmentId: string;
  type: string;
  name: string;
  description: string | null;
  enabled: boolean;
  registrationPopulationId: string | null;
  /** Type-specific attributes (clientId, issuer, idpEntityId, ...), returned as sent except secrets. */
  settings: Record<string, unknown>;
  createdAt: number;
  updatedAt: number;
}

export type IdentityProviderFields = Omit<
  IdentityProviderRecord,
  "id" | "environmentId" | "createdAt" | "updatedAt"
>;

interface IdentityProviderRow {
  seq: number;
  id: string;
  environment_id: string;
  type: string;
  name: string;
  description: string | null;
  enabled: number;
  registration_population_id: string | null;
  settings: string;
  created_at: number;
  updated_at: number;
}

function toRecord(row: IdentityProviderRow): IdentityProviderRecord {
  return {
    id: row.id,
    environmentId: row.environment_id,
    type: row.type,
    name: row.name,
    description: row.description,
    enabled: row.enabled === 1,
    registrationPopulationId: row.registration_population_id,
    settings: JSON.parse(row.settings) as Record<string, unknown>,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function findIdentityProvider(
  db: EmulatorDatabase,
  environmentId: string,
  id: string,
): IdentityProviderRecord | undefined {
  const row = db
    .prepare("SELECT * FROM identity_providers WHERE id = ? AND environment_id = ?")
    .get(id, environmentId) as IdentityProviderRow | undefined;
  return row === undefined ? undefined : toRecord(row);
}

export function findIdentityProviderIdByName(
  db: EmulatorDatabase,
  environmentId: string,
  name: string,
): string | undefined {
  return db
    .prepare("SELECT id FROM identity_providers WHERE environment_id = ? AND name = ? COLLATE NOCASE")
    .pluck()
    .get(environmentId, name) as string | undefined;
}

export function insertIdentityProvider(
  db: EmulatorDatabase,
  environmentId: string,
  fields: IdentityProviderFields,
  now: number,
  id: string = crypto.randomUUID(),
): IdentityProviderRecord {
  db.prepare(
    `INSERT INTO identity_providers (id, environment_id, type, name, description, enabled, registration_population_id,
       settings, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    environmentId,
    fields.type,
    fields.name,
    fields.description,
    fields.enabled ? 1 : 0,
    fields.registrationPopulationId,
    JSON.stringify(fields.settings),
    now,
    now,
  );
  return { id, environmentId, ...fields, createdAt: now, updatedAt: now };
}

/** Deletes a provider; accounts linked to it go with it (ON DELETE CASCADE). */
export function deleteIdentityProvider(db: EmulatorDatabase, id: string): void {
  db.prepare("DELETE FROM identity_providers WHERE id = ?").run(id);
}

/** One keyset page of an environment's identity providers in creation order. */
export function listIdentityProviders(
  db: EmulatorDatabase,
  environmentId: string,
  page: { after: number; limit: number },
): KeysetPage<IdentityProviderRecord> {
  const where = { sql: "identity_providers.environment_id = ?", params: [environmentId] };
  const result = keysetPage<IdentityProviderRow>(db, {
    table: "identity_providers",
    key: "seq",
    where,
    ...page,
  });
  return { ...result, rows: result.rows.map(toRecord) };
}

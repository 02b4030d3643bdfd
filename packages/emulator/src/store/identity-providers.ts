import type { EmulatorDatabase } from "./database.js";
import { type KeysetPage, keysetPage } from "./keyset-page.js";
import {
  deleteTypedResource,
  findTypedResourceIdByName,
  findTypedResourceRow,
  type TypedResource,
  type TypedResourceRow,
  typedResourceOf,
} from "./typed-resources.js";

/** An external identity provider (docs/emulator.md#linked-accounts), enough to link accounts to it. */
export interface IdentityProviderRecord extends TypedResource {
  registrationPopulationId: string | null;
}

export type IdentityProviderFields = Omit<
  IdentityProviderRecord,
  "id" | "environmentId" | "createdAt" | "updatedAt"
>;

interface IdentityProviderRow extends TypedResourceRow {
  seq: number;
  registration_population_id: string | null;
}

function toRecord(row: IdentityProviderRow): IdentityProviderRecord {
  return { ...typedResourceOf(row), registrationPopulationId: row.registration_population_id };
}

export function findIdentityProvider(
  db: EmulatorDatabase,
  environmentId: string,
  id: string,
): IdentityProviderRecord | undefined {
  const row = findTypedResourceRow<IdentityProviderRow>(db, "identity_providers", environmentId, id);
  return row === undefined ? undefined : toRecord(row);
}

export function findIdentityProviderIdByName(
  db: EmulatorDatabase,
  environmentId: string,
  name: string,
): string | undefined {
  return findTypedResourceIdByName(db, "identity_providers", environmentId, name);
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
  deleteTypedResource(db, "identity_providers", id);
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

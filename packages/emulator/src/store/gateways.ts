import type { EmulatorDatabase } from "./database.js";
import {
  deleteTypedResource,
  findTypedResourceIdByName,
  findTypedResourceRow,
  type TypedResource,
  type TypedResourceRow,
  typedResourceOf,
} from "./typed-resources.js";

/**
 * A gateway of an environment (docs/emulator-gateways.md). `settings` holds the type-specific
 * attributes PingOne returns; `secrets` the write-only ones, never part of a representation.
 */
export interface GatewayRecord extends TypedResource {
  secrets: Record<string, string>;
}

export type GatewayFields = Omit<GatewayRecord, "id" | "environmentId" | "createdAt" | "updatedAt">;

interface GatewayRow extends TypedResourceRow {
  secrets: string;
}

function toRecord(row: GatewayRow): GatewayRecord {
  return { ...typedResourceOf(row), secrets: JSON.parse(row.secrets) as Record<string, string> };
}

export function findGateway(
  db: EmulatorDatabase,
  environmentId: string,
  gatewayId: string,
): GatewayRecord | undefined {
  const row = findTypedResourceRow<GatewayRow>(db, "gateways", environmentId, gatewayId);
  return row === undefined ? undefined : toRecord(row);
}

/** The id of the environment's gateway with this name, compared ignoring case. */
export function findGatewayIdByName(
  db: EmulatorDatabase,
  environmentId: string,
  name: string,
): string | undefined {
  return findTypedResourceIdByName(db, "gateways", environmentId, name);
}

/** Every gateway of the environment in creation order (PingOne does not page gateways). */
export function listGateways(db: EmulatorDatabase, environmentId: string): GatewayRecord[] {
  const rows = db
    .prepare("SELECT * FROM gateways WHERE environment_id = ? ORDER BY seq")
    .all(environmentId) as GatewayRow[];
  return rows.map(toRecord);
}

export function insertGateway(
  db: EmulatorDatabase,
  environmentId: string,
  fields: GatewayFields,
  now: number,
  id: string = crypto.randomUUID(),
): GatewayRecord {
  db.prepare(
    `INSERT INTO gateways (id, environment_id, type, name, description, enabled, settings, secrets,
       created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    environmentId,
    fields.type,
    fields.name,
    fields.description,
    fields.enabled ? 1 : 0,
    JSON.stringify(fields.settings),
    JSON.stringify(fields.secrets),
    now,
    now,
  );
  return { id, environmentId, ...fields, createdAt: now, updatedAt: now };
}

/** Replaces every stored attribute of a gateway (PUT). */
export function updateGateway(
  db: EmulatorDatabase,
  gatewayId: string,
  fields: GatewayFields,
  now: number,
): void {
  db.prepare(
    `UPDATE gateways SET type = ?, name = ?, description = ?, enabled = ?, settings = ?, secrets = ?,
       updated_at = ? WHERE id = ?`,
  ).run(
    fields.type,
    fields.name,
    fields.description,
    fields.enabled ? 1 : 0,
    JSON.stringify(fields.settings),
    JSON.stringify(fields.secrets),
    now,
    gatewayId,
  );
}

/** Deletes a gateway; users linked to it keep their (now dangling) link, as in PingOne. */
export function deleteGateway(db: EmulatorDatabase, gatewayId: string): void {
  deleteTypedResource(db, "gateways", gatewayId);
}

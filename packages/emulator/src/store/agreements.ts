import type { EmulatorDatabase } from "./database.js";

/** An agreement (terms of service) of an environment. */
export interface AgreementRecord {
  id: string;
  environmentId: string;
  name: string;
  description: string | null;
  enabled: boolean;
  reconsentPeriodDays: number | null;
  createdAt: number;
  updatedAt: number;
}

export type AgreementFields = Pick<
  AgreementRecord,
  "name" | "description" | "enabled" | "reconsentPeriodDays"
>;

interface AgreementRow {
  id: string;
  environment_id: string;
  name: string;
  description: string | null;
  enabled: number;
  reconsent_period_days: number | null;
  created_at: number;
  updated_at: number;
}

function toRecord(row: AgreementRow): AgreementRecord {
  return {
    id: row.id,
    environmentId: row.environment_id,
    name: row.name,
    description: row.description,
    enabled: row.enabled === 1,
    reconsentPeriodDays: row.reconsent_period_days,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function findAgreement(
  db: EmulatorDatabase,
  environmentId: string,
  agreementId: string,
): AgreementRecord | undefined {
  const row = db
    .prepare("SELECT * FROM agreements WHERE id = ? AND environment_id = ?")
    .get(agreementId, environmentId) as AgreementRow | undefined;
  return row === undefined ? undefined : toRecord(row);
}

/** The agreement holding `name` (compared ignoring case), other than `exceptId`. */
export function findAgreementIdByName(
  db: EmulatorDatabase,
  environmentId: string,
  name: string,
  exceptId = "",
): string | undefined {
  return db
    .prepare("SELECT id FROM agreements WHERE environment_id = ? AND name = ? COLLATE NOCASE AND id <> ?")
    .pluck()
    .get(environmentId, name, exceptId) as string | undefined;
}

export function listAgreements(db: EmulatorDatabase, environmentId: string): AgreementRecord[] {
  const rows = db
    .prepare("SELECT * FROM agreements WHERE environment_id = ? ORDER BY seq")
    .all(environmentId) as AgreementRow[];
  return rows.map(toRecord);
}

export function insertAgreement(
  db: EmulatorDatabase,
  environmentId: string,
  fields: AgreementFields,
  now: number,
  id: string = crypto.randomUUID(),
): AgreementRecord {
  db.prepare(
    `INSERT INTO agreements (id, environment_id, name, description, enabled, reconsent_period_days,
       created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    environmentId,
    fields.name,
    fields.description,
    fields.enabled ? 1 : 0,
    fields.reconsentPeriodDays,
    now,
    now,
  );
  return { id, environmentId, ...fields, createdAt: now, updatedAt: now };
}

export function updateAgreement(
  db: EmulatorDatabase,
  id: string,
  fields: AgreementFields,
  now: number,
): void {
  db.prepare(
    `UPDATE agreements SET name = ?, description = ?, enabled = ?, reconsent_period_days = ?, updated_at = ?
      WHERE id = ?`,
  ).run(fields.name, fields.description, fields.enabled ? 1 : 0, fields.reconsentPeriodDays, now, id);
}

export function deleteAgreement(db: EmulatorDatabase, id: string): void {
  db.prepare("DELETE FROM agreements WHERE id = ?").run(id);
}

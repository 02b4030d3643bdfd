import type { EmulatorDatabase } from "./database.js";

/** A PingOne form; `document` holds its writable attributes as sent (name, category, components, …). */
export interface FormRecord {
  id: string;
  environmentId: string;
  document: Record<string, unknown>;
  createdAt: number;
  updatedAt: number;
}

interface FormRow {
  id: string;
  environment_id: string;
  document: string;
  created_at: number;
  updated_at: number;
}

function toRecord(row: FormRow): FormRecord {
  return {
    id: row.id,
    environmentId: row.environment_id,
    document: JSON.parse(row.document) as Record<string, unknown>,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function findForm(
  db: EmulatorDatabase,
  environmentId: string,
  formId: string,
): FormRecord | undefined {
  const row = db
    .prepare(
      "SELECT id, environment_id, document, created_at, updated_at FROM forms WHERE id = ? AND environment_id = ?",
    )
    .get(formId, environmentId) as FormRow | undefined;
  return row === undefined ? undefined : toRecord(row);
}

export function listForms(db: EmulatorDatabase, environmentId: string): FormRecord[] {
  const rows = db
    .prepare(
      "SELECT id, environment_id, document, created_at, updated_at FROM forms WHERE environment_id = ? ORDER BY seq",
    )
    .all(environmentId) as FormRow[];
  return rows.map(toRecord);
}

export function insertForm(
  db: EmulatorDatabase,
  environmentId: string,
  document: Record<string, unknown>,
  now: number,
  id: string = crypto.randomUUID(),
): FormRecord {
  db.prepare(
    "INSERT INTO forms (id, environment_id, name, document, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
  ).run(id, environmentId, String(document.name), JSON.stringify(document), now, now);
  return { id, environmentId, document, createdAt: now, updatedAt: now };
}

export function updateForm(
  db: EmulatorDatabase,
  id: string,
  document: Record<string, unknown>,
  now: number,
): void {
  db.prepare("UPDATE forms SET name = ?, document = ?, updated_at = ? WHERE id = ?").run(
    String(document.name),
    JSON.stringify(document),
    now,
    id,
  );
}

export function deleteForm(db: EmulatorDatabase, id: string): void {
  db.prepare("DELETE FROM forms WHERE id = ?").run(id);
}

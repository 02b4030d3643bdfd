import type { EmulatorDatabase } from "./database.js";

/** A branding theme of an environment; `configuration` is the stored PingOne object. */
export interface ThemeRecord {
  id: string;
  environmentId: string;
  template: string;
  isDefault: boolean;
  configuration: Record<string, unknown>;
  createdAt: number;
  updatedAt: number;
}

export type ThemeFields = Pick<ThemeRecord, "template" | "configuration">;

interface ThemeRow {
  id: string;
  environment_id: string;
  template: string;
  is_default: number;
  configuration: string;
  created_at: number;
  updated_at: number;
}

function toRecord(row: ThemeRow): ThemeRecord {
  return {
    id: row.id,
    environmentId: row.environment_id,
    template: row.template,
    isDefault: row.is_default === 1,
    configuration: JSON.parse(row.configuration) as Record<string, unknown>,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function findTheme(
  db: EmulatorDatabase,
  environmentId: string,
  themeId: string,
): ThemeRecord | undefined {
  const row = db
    .prepare("SELECT * FROM themes WHERE id = ? AND environment_id = ?")
    .get(themeId, environmentId) as ThemeRow | undefined;
  return row === undefined ? undefined : toRecord(row);
}

export function listThemes(db: EmulatorDatabase, environmentId: string): ThemeRecord[] {
  const rows = db
    .prepare("SELECT * FROM themes WHERE environment_id = ? ORDER BY seq")
    .all(environmentId) as ThemeRow[];
  return rows.map(toRecord);
}

export function countThemes(db: EmulatorDatabase, environmentId: string): number {
  return db
    .prepare("SELECT COUNT(*) FROM themes WHERE environment_id = ?")
    .pluck()
    .get(environmentId) as number;
}

export function insertTheme(
  db: EmulatorDatabase,
  environmentId: string,
  fields: ThemeFields,
  now: number,
  id: string = crypto.randomUUID(),
): void {
  db.prepare(
    `INSERT INTO themes (id, environment_id, template, is_default, configuration, created_at, updated_at)
     VALUES (?, ?, ?, 0, ?, ?, ?)`,
  ).run(id, environmentId, fields.template, JSON.stringify(fields.configuration), now, now);
}

export function updateTheme(db: EmulatorDatabase, id: string, fields: ThemeFields, now: number): void {
  db.prepare("UPDATE themes SET template = ?, configuration = ?, updated_at = ? WHERE id = ?").run(
    fields.template,
    JSON.stringify(fields.configuration),
    now,
    id,
  );
}

/** Makes `themeId` the environment's only default theme. */
export function makeDefaultTheme(
  db: EmulatorDatabase,
  environmentId: string,
  themeId: string,
  now: number,
): void {
  db.prepare(
    "UPDATE themes SET is_default = 0, updated_at = ? WHERE environment_id = ? AND is_default = 1",
  ).run(now, environmentId);
  db.prepare("UPDATE themes SET is_default = 1, updated_at = ? WHERE id = ?").run(now, themeId);
}

export function deleteTheme(db: EmulatorDatabase, id: string): void {
  db.prepare("DELETE FROM themes WHERE id = ?").run(id);
}

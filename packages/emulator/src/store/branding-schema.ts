import type { SchemaModule } from "./schema-module.js";

/**
 * Branding themes and forms (docs/emulator-agreements.md). Both keep their writable PingOne document as
 * JSON: the emulator validates it on the way in and returns it as stored.
 */
export const brandingSchema: SchemaModule = {
  name: "branding-v1",
  statements: [
    // configuration: JSON of the theme's `configuration` object. At most one default theme per environment.
    `CREATE TABLE themes (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      environment_id TEXT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
      template TEXT NOT NULL,
      is_default INTEGER NOT NULL,
      configuration TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    )`,
    "CREATE UNIQUE INDEX themes_one_default ON themes (environment_id) WHERE is_default = 1",
    // document: JSON of the form's writable attributes (name, category, components, markRequired, …).
    `CREATE TABLE forms (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      environment_id TEXT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      document TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    )`,
    "CREATE INDEX forms_by_environment ON forms (environment_id, seq)",
  ],
};

import Database from "better-sqlite3";
import { applySchemaModules } from "./migrations.js";

export type EmulatorDatabase = Database.Database;

/**
 * Opens the emulator's SQLite database and brings its schema up to date.
 * A file database runs in WAL mode with `synchronous=NORMAL`: committed writes survive a process
 * restart, and readers never block the single writer. `:memory:` (the default) keeps nothing.
 */
export function openDatabase(path = ":memory:"): EmulatorDatabase {
  const db = new Database(path);
  if (path !== ":memory:" && path !== "") {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
  }
  db.pragma("foreign_keys = ON");
  applySchemaModules(db);
  return db;
}

/** Deletes every row of every table (keeps the schema): the back door's reset. */
export function deleteAllRows(db: EmulatorDatabase): void {
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_modules'",
    )
    .pluck()
    .all() as string[];
  db.pragma("foreign_keys = OFF");
  try {
    db.transaction(() => {
      for (const table of tables) db.prepare(`DELETE FROM "${table}"`).run();
    })();
  } finally {
    db.pragma("foreign_keys = ON");
  }
}

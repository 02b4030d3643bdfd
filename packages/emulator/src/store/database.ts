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

const statementCaches = new WeakMap<EmulatorDatabase, Map<string, Database.Statement>>();

/**
 * A prepared statement reused across requests: compiling SQL costs more than running an indexed
 * lookup, so hot paths (token check, user lookups and lists) prepare each distinct text once.
 * `pluck` is set on every call because a cached statement is shared by all its callers.
 */
export function cachedStatement(
  db: EmulatorDatabase,
  sql: string,
  options: { pluck?: boolean } = {},
): Database.Statement {
  let cache = statementCaches.get(db);
  if (cache === undefined) {
    cache = new Map();
    statementCaches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (statement === undefined) {
    // Dynamic SQL (filters) varies only by shape, never by value, so the cache stays small; bound it anyway.
    if (cache.size >= 500) cache.clear();
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement.pluck(options.pluck === true);
}

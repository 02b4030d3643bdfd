import { cachedStatement, type EmulatorDatabase } from "./database.js";

interface CachedCount {
  value: number;
  /** `total_changes()` when the count was taken: any row written since then invalidates it. */
  changes: number;
}

const counts = new WeakMap<EmulatorDatabase, Map<string, CachedCount>>();
const MAX_CACHED_COUNTS = 200;

/**
 * `SELECT COUNT(*) …` whose result is reused until the connection writes anything. The emulator is
 * the only writer of its database, so `total_changes()` moving is exactly "something may differ":
 * paging through a million users counts them once, not once per page.
 */
export function countRows(db: EmulatorDatabase, sql: string, params: readonly unknown[]): number {
  const changes = cachedStatement(db, "SELECT total_changes()", { pluck: true }).get() as number;
  let cache = counts.get(db);
  if (cache === undefined) {
    cache = new Map();
    counts.set(db, cache);
  }
  const key = `${sql}\u0000${JSON.stringify(params)}`;
  const cached = cache.get(key);
  if (cached !== undefined && cached.changes === changes) return cached.value;
  const value = cachedStatement(db, sql, { pluck: true }).get(...params) as number;
  if (cache.size >= MAX_CACHED_COUNTS) cache.clear();
  cache.set(key, { value, changes });
  return value;
}

import type { SqlFragment } from "../scim/filter-sql.js";
import { countRows } from "./cached-count.js";
import { cachedStatement, type EmulatorDatabase } from "./database.js";

/** One page of a collection read in creation order (docs/emulator.md#paging). */
export interface KeysetPage<Row> {
  rows: Row[];
  /** Every row the condition matches, not only this page's. */
  count: number;
  /** The key of the page's last row: the next cursor resumes after it. */
  lastKey: number | undefined;
  hasMore: boolean;
}

export interface KeysetQuery {
  table: string;
  /** The name the condition uses for the table (`u` in `u.username = ?`); the table's own name by default. */
  alias?: string;
  /** An integer column in creation order: `seq`, or `rowid` for tables without one. */
  key: string;
  /** The collection's condition (environment scope and the compiled filter). */
  where: SqlFragment;
  after: number;
  limit: number;
}

/**
 * The one pager of the store: rows whose key is after `after`, at most `limit`, and the total count.
 * Keyset paging stays fast at a million rows; the count is cached until the next write.
 */
export function keysetPage<Row>(db: EmulatorDatabase, query: KeysetQuery): KeysetPage<Row> {
  const name = query.alias ?? query.table;
  const from = query.alias === undefined ? query.table : `${query.table} ${query.alias}`;
  const count = countRows(db, `SELECT COUNT(*) FROM ${from} WHERE ${query.where.sql}`, query.where.params);
  // The page size is a validated integer written into the SQL: with `LIMIT ?` SQLite plans the
  // username lookup three times slower (measured), and the cache holds one statement per size.
  const rows = cachedStatement(
    db,
    `SELECT ${name}.${query.key} AS page_key, ${name}.* FROM ${from}
      WHERE (${query.where.sql}) AND ${name}.${query.key} > ? ORDER BY ${name}.${query.key}
      LIMIT ${Math.trunc(query.limit) + 1}`,
  ).all(...query.where.params, query.after) as (Row & { page_key: number })[];
  const page = rows.slice(0, query.limit);
  return { rows: page, count, lastKey: page.at(-1)?.page_key, hasMore: rows.length > query.limit };
}

/** `<column> = ?` joined with an optional compiled filter: the usual collection condition. */
export function scopedCondition(scope: SqlFragment, filter: SqlFragment | undefined): SqlFragment {
  return filter === undefined
    ? scope
    : { sql: `${scope.sql} AND (${filter.sql})`, params: [...scope.params, ...filter.params] };
}

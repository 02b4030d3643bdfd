import type { ComparisonNode, FilterNode, ValuePathNode } from "./filter-ast.js";

export type SqlParameter = string | number | bigint | null;

/** A piece of SQL with positional `?` placeholders and their values, in order. */
export interface SqlFragment {
  readonly sql: string;
  readonly params: readonly SqlParameter[];
}

/**
 * How the caller's tables hold each filterable attribute. Values never reach the SQL text: they
 * travel as parameters.
 */
export interface FilterSqlResolver {
  /**
   * The expression holding a canonical attribute, e.g. `u.username` or
   * `{ sql: "json_extract(u.custom, ?)", params: ["$.badge"] }`. It must be a single operand
   * (a column or a function call), because a collation or an operator is appended to it.
   */
  column(attribute: string): SqlFragment;
  /** A boolean condition for a bracketed filter, e.g. an EXISTS over the membership table. */
  valuePath(node: ValuePathNode): SqlFragment;
}

// Escape character for LIKE patterns; `\` itself, `%` and `_` are escaped in the value.
const LIKE_ESCAPE = "\\";

/**
 * Compiles a parsed filter into a WHERE fragment.
 *
 * Case-insensitive attributes compare with `COLLATE NOCASE` (`eq`) or `LIKE` (`sw`/`ew`/`co`);
 * both fold ASCII letters only, as SQLite does without ICU. Case-exact attributes compare with
 * `COLLATE BINARY` or `GLOB`. An `eq` is answered from a `COLLATE NOCASE` index on its column,
 * whichever the setting.
 * @example
 *   compileFilterToSql(parseFilter('username eq "jdoe"', usersFilterSchema()), resolver)
 *   // { sql: "u.username = ? COLLATE NOCASE", params: ["jdoe"] }
 */
export function compileFilterToSql(node: FilterNode, resolver: FilterSqlResolver): SqlFragment {
  switch (node.kind) {
    case "logical": {
      const parts = node.operands.map((operand) => compileFilterToSql(operand, resolver));
      const joiner = node.operator === "and" ? " AND " : " OR ";
      return {
        sql: `(${parts.map((part) => part.sql).join(joiner)})`,
        params: parts.flatMap((part) => part.params),
      };
    }
    case "valuePath":
      return resolver.valuePath(node);
    case "comparison":
      return compileComparison(node, resolver.column(node.attribute));
  }
}

function compileComparison(node: ComparisonNode, column: SqlFragment): SqlFragment {
  if (typeof node.value === "boolean") {
    return { sql: `${column.sql} = ?`, params: [...column.params, node.value ? 1 : 0] };
  }
  const value = node.value;
  if (node.operator === "eq") {
    if (node.caseInsensitive) {
      return { sql: `${column.sql} = ? COLLATE NOCASE`, params: [...column.params, value] };
    }
    // The NOCASE comparison adds nothing to an exact match, but lets a case-insensitive index
    // (the one behind username uniqueness) answer it when the exact-case setting is on.
    return {
      sql: `(${column.sql} = ? COLLATE NOCASE AND ${column.sql} = ? COLLATE BINARY)`,
      params: [...column.params, value, ...column.params, value],
    };
  }
  if (node.caseInsensitive) {
    const escaped = escapeLike(value);
    const pattern =
      node.operator === "sw" ? `${escaped}%` : node.operator === "ew" ? `%${escaped}` : `%${escaped}%`;
    return { sql: `${column.sql} LIKE ? ESCAPE '${LIKE_ESCAPE}'`, params: [...column.params, pattern] };
  }
  const escaped = escapeGlob(value);
  const pattern =
    node.operator === "sw" ? `${escaped}*` : node.operator === "ew" ? `*${escaped}` : `*${escaped}*`;
  return { sql: `${column.sql} GLOB ?`, params: [...column.params, pattern] };
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (character) => `${LIKE_ESCAPE}${character}`);
}

// GLOB has no escape character; a one-character class matches a wildcard literally.
function escapeGlob(value: string): string {
  return value.replace(/[*?[]/g, (character) => `[${character}]`);
}

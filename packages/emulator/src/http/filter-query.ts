import type { Context } from "hono";
import { ErrorMessages } from "../domain/error-messages.js";
import { invalidData } from "../domain/errors.js";
import { withFilterErrors } from "../domain/filter-errors.js";
import type { FilterNode } from "../scim/filter-ast.js";
import { parseFilter } from "../scim/filter-parser.js";
import type { FilterSchema } from "../scim/filter-schemas.js";
import { compileFilterToSql, type FilterSqlResolver, type SqlFragment } from "../scim/filter-sql.js";

/**
 * The request's `filter` compiled to a WHERE fragment for this collection, or undefined without a
 * filter. Anything the SCIM subset refuses is 400 INVALID_DATA/INVALID_FILTER (docs/emulator.md#filters).
 */
export function compileFilterParameter(
  c: Context,
  schema: FilterSchema,
  resolver: FilterSqlResolver,
): SqlFragment | undefined {
  const filter = c.req.query("filter");
  if (filter === undefined) return undefined;
  return withFilterErrors("filter", () => compileFilterToSql(parseFilter(filter, schema), resolver));
}

/** The request's `filter` parsed (for collections filtered in memory), or undefined without one. */
export function parseFilterParameter(c: Context, schema: FilterSchema): FilterNode | undefined {
  const filter = c.req.query("filter");
  if (filter === undefined) return undefined;
  return withFilterErrors("filter", () => parseFilter(filter, schema));
}

/**
 * Reads a comma-separated parameter such as `expand` or `include` and refuses unknown values with
 * 400 INVALID_DATA/INVALID_PARAMETER (docs/emulator.md#expand-and-include).
 */
export function parseOptionList<V extends string>(c: Context, name: string, allowed: readonly V[]): Set<V> {
  const raw = c.req.queries(name) ?? [];
  const values = raw
    .flatMap((entry) => entry.split(","))
    .map((value) => value.trim())
    .filter((value) => value !== "");
  const unknown = values.filter((value) => !(allowed as readonly string[]).includes(value));
  if (unknown.length > 0) {
    throw invalidData([
      {
        code: "INVALID_PARAMETER",
        target: name,
        message: ErrorMessages.unsupportedParameterValue,
        innerError: { allowedValues: [...allowed] },
      },
    ]);
  }
  return new Set(values as V[]);
}

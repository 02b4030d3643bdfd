import type { Context } from "hono";
import { ScimFilterError } from "../scim/filter-error.js";
import { parseFilter } from "../scim/filter-parser.js";
import type { FilterSchema } from "../scim/filter-schemas.js";
import { compileFilterToSql, type FilterSqlResolver, type SqlFragment } from "../scim/filter-sql.js";
import { ErrorMessages } from "./error-messages.js";
import { invalidData } from "./pingone-error.js";

/**
 * The request's `filter` compiled to a WHERE fragment for this collection, or undefined without a
 * filter. Anything the SCIM subset refuses is 400 INVALID_DATA/INVALID_FILTER.
 */
export function compileFilterParameter(
  c: Context,
  schema: FilterSchema,
  resolver: FilterSqlResolver,
): SqlFragment | undefined {
  const filter = c.req.query("filter");
  if (filter === undefined) return undefined;
  try {
    return compileFilterToSql(parseFilter(filter, schema), resolver);
  } catch (error) {
    if (error instanceof ScimFilterError) throw invalidData([error.toDetail()]);
    throw error;
  }
}

/**
 * Reads a comma-separated parameter such as `expand` or `include` and refuses unknown values with
 * 400 INVALID_DATA/INVALID_PARAMETER (pingone-api.md §2.6, recommended behaviour).
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

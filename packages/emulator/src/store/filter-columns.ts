import { ownValue } from "../own-value.js";
import type { FilterSqlResolver } from "../scim/filter-sql.js";

/**
 * The resolver of a collection whose filter names plain columns (`{ name: "p.name" }`) and declares no
 * bracketed attributes: the parser refuses anything else before it gets here.
 */
export function filterColumns(columns: Readonly<Record<string, string>>): FilterSqlResolver {
  return {
    column: (attribute) => ({ sql: ownValue(columns, attribute) ?? "NULL", params: [] }),
    valuePath: () => ({ sql: "0", params: [] }),
  };
}

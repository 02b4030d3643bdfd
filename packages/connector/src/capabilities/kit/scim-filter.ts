/**
 * SCIM filter building. Values are always placed in a double-quoted string literal with `\` and
 * `"` escaped (RFC 7644), so no identifier can change the structure of a filter.
 */
export function scimStringLiteral(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** `<attribute> eq "<value>"`. Attribute names are checked against `SCIM_ATTRIBUTE_PATH` first. */
export function scimEquals(attribute: string, value: string): string {
  return `${attribute} eq ${scimStringLiteral(value)}`;
}

/** Several clauses joined with `or`, each parenthesised when there is more than one. */
export function scimAnyOf(clauses: string[]): string {
  if (clauses.length === 1) return clauses[0]!;
  return clauses.map((clause) => `(${clause})`).join(" or ");
}

/** An attribute path (`username`, `name.given`, `custom_1`): nothing that could carry an operator. */
export const SCIM_ATTRIBUTE_PATH = "^[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)*$";

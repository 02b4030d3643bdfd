import { escapeFilterValue } from "./escape-filter-value.js";

/** The placeholder a user type's `ldapFilterPattern` holds for the username. */
// biome-ignore lint/suspicious/noTemplateCurlyInString: PingOne's placeholder, written literally.
export const IDENTIFIER_PLACEHOLDER = "${identifier}";

/** An attribute description as LDAP names it (RFC 4512 `descr`): nothing that could carry an operator. */
const ATTRIBUTE_NAME = /^[A-Za-z][A-Za-z0-9-]*$/;

/** True for a plain attribute name (`uid`, `mail`, `entryUUID`). */
export function isAttributeName(name: string): boolean {
  return ATTRIBUTE_NAME.test(name);
}

/**
 * A user type's `ldapFilterPattern` with every `${identifier}` replaced by the escaped username
 * (pingone-api.md §9.4). A pattern without the placeholder would find the same entry for every
 * username, so it is refused.
 *
 * @example
 * identifierFilter("(&(objectClass=person)(uid=${identifier}))", "j*"); // "(&(objectClass=person)(uid=j\\2a))"
 */
export function identifierFilter(pattern: string, identifier: string): string {
  if (!pattern.includes(IDENTIFIER_PLACEHOLDER)) {
    throw new TypeError(`the LDAP filter pattern has no ${IDENTIFIER_PLACEHOLDER} placeholder`);
  }
  // split/join, not replace(): a replacement string would give `$&` and `$'` in the value a meaning.
  return pattern.split(IDENTIFIER_PLACEHOLDER).join(escapeFilterValue(identifier));
}

/** `(name=value)` for one attribute, `(&(a=x)(b=y))` for several; names are checked, values escaped. */
export function equalityFilter(values: Readonly<Record<string, string>>): string {
  const clauses = Object.entries(values).map(([name, value]) => {
    if (!isAttributeName(name)) throw new TypeError(`"${name}" is not an LDAP attribute name`);
    return `(${name}=${escapeFilterValue(value)})`;
  });
  if (clauses.length === 0) throw new TypeError("an equality filter needs at least one attribute");
  return clauses.length === 1 ? clauses[0]! : `(&${clauses.join("")})`;
}

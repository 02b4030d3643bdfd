import { AndFilter, EqualityFilter, type Filter, FilterParser } from "ldapts";

/**
 * An LDAP attribute description (RFC 4512 §2.5): a descriptor or a numeric OID, with options. Attribute
 * names cannot be escaped inside a filter, so only these are ever put into one.
 */
export const ATTRIBUTE_DESCRIPTION = /^([A-Za-z][A-Za-z0-9-]*|\d+(\.\d+)+)(;[A-Za-z0-9-]+)*$/;

export function isAttributeDescription(name: string): boolean {
  return ATTRIBUTE_DESCRIPTION.test(name);
}

/**
 * The filter that finds a gateway user's entry again from its correlation attributes: one equality
 * per attribute, AND-ed. Built as filter objects, so each value travels as a BER octet string and no
 * character of it (`*`, `(`, `)`, `\`, NUL) can change the filter; it is what the RFC 4515-escaped
 * text `(&(uid=\2a)(mail=…))` means. Every name must pass `isAttributeDescription` first.
 */
export function correlationFilter(attributes: Readonly<Record<string, string>>): Filter {
  const equalities = Object.entries(attributes).map(
    ([attribute, value]) => new EqualityFilter({ attribute, value }),
  );
  if (equalities.length === 1) return equalities[0] as Filter;
  return new AndFilter({ filters: equalities });
}

/**
 * Whether `pattern` is an RFC 4515 filter once `placeholder` is replaced by a plain value: how a
 * user type's `ldapFilterPattern` (`(&(objectClass=person)(uid=${identifier}))`) is checked.
 */
export function isFilterPattern(pattern: string, placeholder: string): boolean {
  if (!pattern.startsWith("(") || !pattern.includes(placeholder)) return false;
  try {
    FilterParser.parseString(pattern.replaceAll(placeholder, "value"));
    return true;
  } catch {
    return false;
  }
}

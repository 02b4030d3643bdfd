import type { DirectoryEntry } from "../../directory/directory-entry.js";
import { firstValue } from "../../directory/directory-entry.js";
import { isAttributeName } from "../../directory/directory-filters.js";
import { isAttributePath, setPath } from "../kit/attribute-path.js";
import type { AttributeMapping, GatewayUserType } from "./gateway-user-type.js";
import { misconfigured } from "./gateway-user-type.js";

/** `${ldapAttribute}` in a mapping's value. */
const PLACEHOLDER = /\$\{([^}]*)\}/g;

/**
 * PingOne attributes that only PingOne sets, or that the capability sets itself: a mapping onto
 * one is a user type this connector refuses to apply, rather than silently dropping it.
 */
const NOT_MAPPABLE = new Set([
  "id",
  "environment",
  "population",
  "createdAt",
  "updatedAt",
  "lifecycle",
  "enabled",
  "account",
  "password",
  "identityProvider",
  "memberOfGroupIDs",
  "memberOfGroupNames",
]);

/** The LDAP attributes a user type's mappings read, checked to be plain attribute names. */
export function mappedLdapAttributes(
  userType: GatewayUserType,
  mappings: readonly AttributeMapping[],
): string[] {
  const names = new Set<string>();
  for (const mapping of mappings) {
    for (const [, name] of mapping.value.matchAll(PLACEHOLDER)) {
      if (!isAttributeName(name!)) {
        throw misconfigured(
          `${describe(userType)} maps ${mapping.name} from "${name}", which is not an LDAP attribute name`,
        );
      }
      names.add(name!);
    }
  }
  return [...names];
}

/**
 * The PingOne attributes a directory entry gives, as a request body (`name.given` nests under
 * `name`). Each `${attribute}` is replaced by the attribute's first value; a mapping whose
 * attributes the entry lacks is left out, so an empty value is never sent for a missing one.
 */
export function mapEntry(
  userType: GatewayUserType,
  mappings: readonly AttributeMapping[],
  entry: DirectoryEntry,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const mapping of mappings) {
    const name = mapping.name.trim();
    if (!isAttributePath(name) || NOT_MAPPABLE.has(name.split(".")[0]!)) {
      throw misconfigured(
        `${describe(userType)} maps onto "${mapping.name}", which is not a settable PingOne attribute`,
      );
    }
    let complete = true;
    const value = mapping.value.replace(PLACEHOLDER, (_, attribute: string) => {
      const found = firstValue(entry, attribute);
      if (found === undefined) complete = false;
      return found ?? "";
    });
    if (complete) setPath(body, name, value);
  }
  return body;
}

/** The values of the user type's correlation attributes in the entry (those it has). */
export function correlationAttributes(
  userType: GatewayUserType,
  entry: DirectoryEntry,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of userType.orderedCorrelationAttributes) {
    if (name.toLowerCase() !== "dn" && !isAttributeName(name)) {
      throw misconfigured(
        `${describe(userType)} correlates on "${name}", which is not an LDAP attribute name`,
      );
    }
    const value = firstValue(entry, name);
    if (value !== undefined) values[name] = value;
  }
  return values;
}

function describe(userType: GatewayUserType): string {
  return `User type ${userType.id} of gateway ${userType.gatewayId}`;
}

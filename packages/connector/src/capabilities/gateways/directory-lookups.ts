import type { ResolvedGatewayDirectory } from "../../config/gateway-directories.js";
import type { DirectoryEntry } from "../../directory/directory-entry.js";
import { equalityFilter, identifierFilter, isAttributeName } from "../../directory/directory-filters.js";
import { isDnUnder } from "../../directory/distinguished-name.js";
import { CapabilityError } from "../kit/capability-error.js";
import type { CapabilityContext } from "../kit/context.js";
import { mappedLdapAttributes } from "./attribute-mappings.js";
import type { GatewayLink } from "./gateway-link.js";
import type { GatewayUserType, NewUserLookup } from "./gateway-user-type.js";
import { misconfigured } from "./gateway-user-type.js";

/** The attributes to read for a user type: what its mappings use and its correlation attributes. */
function attributesToRead(userType: GatewayUserType, lookup: NewUserLookup | undefined): string[] {
  const names = new Set(lookup ? mappedLdapAttributes(userType, lookup.attributeMappings) : []);
  for (const name of userType.orderedCorrelationAttributes) if (name.toLowerCase() !== "dn") names.add(name);
  return [...names];
}

/** A candidate for migration: its entry, and whether the directory accepted the password for it. */
export interface CheckedCredentials {
  entry: DirectoryEntry;
  passwordValid: boolean;
}

/**
 * Looks the username up with the user type's `ldapFilterPattern` (the username RFC 4515-escaped)
 * under its `searchBaseDn` and, when an entry matches, binds as it with the password. The first
 * entry is the user, as PingOne does when several share a username. Undefined: no entry.
 */
export async function checkCredentials(
  ctx: CapabilityContext,
  directory: ResolvedGatewayDirectory,
  userType: GatewayUserType,
  lookup: NewUserLookup,
  username: string,
  password: string,
): Promise<CheckedCredentials | undefined> {
  let filter: string;
  try {
    filter = identifierFilter(lookup.ldapFilterPattern, username);
  } catch (error) {
    throw misconfigured(
      `User type ${userType.id} of gateway ${userType.gatewayId}: ${(error as Error).message}`,
    );
  }
  const attributes = attributesToRead(userType, lookup);
  return ctx.directories.withSession(directory, async (session) => {
    const [entry] = await session.search(userType.searchBaseDn, filter, { attributes, limit: 1 });
    if (!entry) return undefined;
    return { entry, passwordValid: await session.verifyPassword(entry.dn, password) };
  });
}

/**
 * The directory entry a gateway-linked user came from, under the user type's `searchBaseDn`:
 * each stored correlation attribute is tried in the user type's order (the ones it does not list
 * last), and the first that matches exactly one entry wins, so a changed `mail` does not lose a
 * user still found by `uid`. A `dn` is read directly and must lie under the base DN.
 */
export async function findLinkedEntry(
  ctx: CapabilityContext,
  directory: ResolvedGatewayDirectory,
  userType: GatewayUserType,
  link: GatewayLink,
): Promise<DirectoryEntry> {
  const order = [
    ...userType.orderedCorrelationAttributes,
    ...Object.keys(link.correlationAttributes).filter(
      (name) => !userType.orderedCorrelationAttributes.includes(name),
    ),
  ].filter((name) => Object.hasOwn(link.correlationAttributes, name));
  if (order.length === 0) {
    throw new CapabilityError(
      "notFound",
      `The gateway link of the user holds no correlation attribute to find its directory entry with`,
      { httpResponseCode: 404 },
    );
  }
  for (const name of order) {
    if (name.toLowerCase() !== "dn" && !isAttributeName(name)) {
      throw misconfigured(
        `The user's gateway link correlates on "${name}", which is not an LDAP attribute name`,
      );
    }
  }
  const attributes = attributesToRead(userType, userType.newUserLookup);
  let ambiguous: string | undefined;
  const found = await ctx.directories.withSession(directory, async (session) => {
    for (const name of order) {
      const value = link.correlationAttributes[name]!;
      if (name.toLowerCase() === "dn") {
        if (!isDnUnder(value, userType.searchBaseDn)) continue;
        const entry = await session.readEntry(value, "(objectClass=*)", attributes);
        if (entry) return entry;
        continue;
      }
      const entries = await session.search(userType.searchBaseDn, equalityFilter({ [name]: value }), {
        attributes,
        limit: 2,
      });
      if (entries.length === 1) return entries[0];
      if (entries.length > 1) ambiguous ??= name;
    }
    return undefined;
  });
  if (found) return found;
  if (ambiguous) {
    throw new CapabilityError(
      "multipleUserMatch",
      `More than one directory entry under ${userType.searchBaseDn} has the user's ${ambiguous}; none was used`,
      { httpResponseCode: 409 },
    );
  }
  throw new CapabilityError(
    "notFound",
    `No directory entry under ${userType.searchBaseDn} matches the user's correlation attributes (${order.join(", ")})`,
    { httpResponseCode: 404 },
  );
}

/**
 * The entry under the user type's `searchBaseDn` that `filter` (built with escaped values)
 * matches, read with the attributes its mappings and correlation use. Undefined: none. Two or
 * more are `multipleUserMatch`: nothing tells which one is the user.
 */
export async function findUniqueEntry(
  ctx: CapabilityContext,
  directory: ResolvedGatewayDirectory,
  userType: GatewayUserType,
  filter: string,
): Promise<DirectoryEntry | undefined> {
  const attributes = attributesToRead(userType, userType.newUserLookup);
  const entries = await ctx.directories.withSession(directory, (session) =>
    session.search(userType.searchBaseDn, filter, { attributes, limit: 2 }),
  );
  if (entries.length > 1) {
    throw new CapabilityError(
      "multipleUserMatch",
      `More than one directory entry under ${userType.searchBaseDn} matches ${filter}; none was used`,
      { httpResponseCode: 409 },
    );
  }
  return entries[0];
}

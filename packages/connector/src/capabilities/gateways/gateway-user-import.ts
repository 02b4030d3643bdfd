import type { ApiResponse } from "../../client/types.js";
import type { DirectoryEntry } from "../../directory/directory-entry.js";
import type { CapabilityContext } from "../kit/context.js";
import { scimEquals } from "../kit/scim-filter.js";
import { usersPath } from "../kit/user-target.js";
import { correlationAttributes, mapEntry } from "./attribute-mappings.js";
import { type GatewayUserType, misconfigured, type NewUserLookup } from "./gateway-user-type.js";

const IMPORT = "application/vnd.pingidentity.user.import+json";

/** A directory entry as the PingOne user a migrating user type makes of it. */
export interface MappedUser {
  /** The request body's attributes (`name.given` nested under `name`). */
  attributes: Record<string, unknown>;
  username: string;
}

/**
 * The PingOne attributes the user type's `newUserLookup.attributeMappings` give the entry. A
 * mapping that yields no username is the user type's fault: PingOne requires one.
 */
export function mapUser(userType: GatewayUserType, lookup: NewUserLookup, entry: DirectoryEntry): MappedUser {
  const attributes = mapEntry(userType, lookup.attributeMappings, entry);
  const username = attributes.username;
  if (typeof username !== "string" || username === "") {
    throw misconfigured(
      `User type ${userType.id} of gateway ${userType.gatewayId} gives entry ${entry.dn} no username: newUserLookup.attributeMappings must map username from an attribute the entry has`,
    );
  }
  return { attributes, username };
}

/** The PingOne user with this username, if any, and the list response it came from. */
export async function findUserByUsername(
  ctx: CapabilityContext,
  username: string,
): Promise<{
  response: ApiResponse<{ _embedded?: { users?: Record<string, unknown>[] } }>;
  user?: Record<string, unknown>;
}> {
  const response = await ctx.client.request<{ _embedded?: { users?: Record<string, unknown>[] } }>({
    method: "GET",
    path: usersPath(ctx),
    query: { filter: scimEquals("username", username), limit: 1 },
  });
  const user = response.body?._embedded?.users?.[0];
  return user ? { response, user } : { response };
}

/**
 * `POST P/users` with `user.import+json`: the mapped attributes, the user type's population, and
 * `password.external.gateway` naming the gateway, the user type and the entry's correlation
 * attributes, so that PingOne's password status is `EXTERNAL` and the entry can be found again.
 */
export function importGatewayUser(
  ctx: CapabilityContext,
  userType: GatewayUserType,
  lookup: NewUserLookup,
  entry: DirectoryEntry,
  mapped: MappedUser,
  options: { final?: boolean } = {},
): Promise<ApiResponse<Record<string, unknown>>> {
  return ctx.client.request<Record<string, unknown>>({
    method: "POST",
    path: usersPath(ctx),
    contentType: IMPORT,
    body: {
      ...mapped.attributes,
      population: { id: lookup.populationId },
      password: {
        external: {
          gateway: {
            id: userType.gatewayId,
            type: "LDAP",
            userType: { id: userType.id },
            correlationAttributes: correlationAttributes(userType, entry),
          },
        },
      },
    },
    ...(options.final ? { final: true } : {}),
  });
}

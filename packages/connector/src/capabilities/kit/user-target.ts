import { Type } from "@sinclair/typebox";
import { PingOneApiError } from "../../client/errors/api-error.js";
import type { ApiResponse } from "../../client/types.js";
import { isSafePathSegment, pathSegment } from "../../input/path-segment.js";
import { CapabilityError, type DecidingResponse } from "./capability-error.js";
import type { CapabilityContext } from "./context.js";
import { defineFragment } from "./definition.js";
import { stringEnum } from "./schema-helpers.js";
import { scimEquals } from "./scim-filter.js";

const MATCH_ATTRIBUTES = ["id", "username", "email"] as const;
export type MatchAttribute = (typeof MATCH_ATTRIBUTES)[number];

/**
 * The user a capability acts on: "PingOne Attribute" (`matchAttribute`) and "Identifier", with
 * the error keys resolution raises and the legacy `userId` alias. Resolve it with `resolveUser`.
 */
export const userTarget = defineFragment({
  placement: "first",
  input: {
    matchAttribute: stringEnum(MATCH_ATTRIBUTES, {
      description: "PingOne user attribute to identify a user with.",
      default: "id",
    }),
    identifier: Type.String({ description: "User attribute to match attributes." }),
  },
  properties: {
    matchAttribute: {
      displayName: "PingOne Attribute",
      control: "dropDown",
      info: "Select the attribute that you want to match against the provided identifier to find a user.",
      options: [
        { name: "User ID", value: "id" },
        { name: "Username", value: "username" },
        { name: "Email", value: "email" },
      ],
    },
    identifier: {
      displayName: "Identifier",
      control: "textField",
      info: "Enter the User ID, Username, or Email address of the user that you want to find.",
    },
  },
  errors: {
    noUserMatch: "No user matches the identifier.",
    multipleUserMatch: "More than one user matches the identifier; none was chosen.",
  },
  legacy: { names: ["userId"], rewrite: acceptLegacyUserId },
});

/**
 * Older flows carry `userId` instead of `identifier`: with an empty identifier, `userId` is used
 * as a user id (docs/connector-capabilities.md#legacy-property-names).
 */
function acceptLegacyUserId(input: Record<string, unknown>): Record<string, unknown> {
  const identifier = input.identifier;
  const empty = identifier === undefined || identifier === null || identifier === "";
  if (empty && typeof input.userId === "string" && input.userId !== "") {
    return { ...input, identifier: input.userId, matchAttribute: "id" };
  }
  return input;
}

/** The target properties as a handler's input carries them. */
export interface UserTargetInput {
  matchAttribute?: MatchAttribute | undefined;
  identifier: string;
}

export interface ResolvedUser {
  /**
   * The user resource as PingOne returned it (with `_links`). Undefined only in a dry run of a
   * lookup by id, which records the read and goes on without its answer.
   */
  resource: Record<string, unknown> | undefined;
  id: string;
  /** The response the user came from: the by-id read, or the filtered list (undefined as `resource`). */
  response: ApiResponse | undefined;
}

/** A user resolved by the capability's last call, which a dry run never passes. */
export interface ReadUser extends ResolvedUser {
  resource: Record<string, unknown>;
  response: ApiResponse;
}

export function usersPath(ctx: CapabilityContext): string {
  return `/environments/${pathSegment(ctx.environmentId)}/users`;
}

export function userPath(ctx: CapabilityContext, userId: string): string {
  return `${usersPath(ctx)}/${pathSegment(userId)}`;
}

/**
 * Finds the one user a capability acts on (docs/connector-capabilities.md#user-resolution). By
 * id: one read, 404/400 → `noUserMatch`. By username or email: a filter with the value escaped,
 * limit 2, so that ambiguity (`multipleUserMatch`) is told apart from no match (`noUserMatch`).
 * `final` marks the lookup as the capability's last call, for dry runs. Otherwise a read by id
 * is made with `requestAhead`: the id is the input's, so a dry run shows the calls that follow.
 */
export async function resolveUser(
  ctx: CapabilityContext,
  target: UserTargetInput,
  options: { final: true },
): Promise<ReadUser>;
export async function resolveUser(
  ctx: CapabilityContext,
  target: UserTargetInput,
  options?: { final?: boolean },
): Promise<ResolvedUser>;
export async function resolveUser(
  ctx: CapabilityContext,
  target: UserTargetInput,
  options: { final?: boolean } = {},
): Promise<ResolvedUser> {
  const final = options.final === true;
  const matchAttribute = target.matchAttribute ?? "id";
  const { identifier } = target;
  if (identifier.trim() === "") {
    throw new CapabilityError("invalidInput", "identifier must not be empty");
  }
  if (matchAttribute === "id") {
    if (!isSafePathSegment(identifier)) throw noUserMatch(matchAttribute);
    const read = { method: "GET", path: userPath(ctx, identifier) } as const;
    try {
      const response = final
        ? await ctx.client.request<Record<string, unknown>>({ ...read, final })
        : await ctx.client.requestAhead<Record<string, unknown>>(read);
      if (response === undefined) return { resource: undefined, id: identifier, response };
      return { resource: response.body ?? {}, id: String(response.body?.id ?? identifier), response };
    } catch (error) {
      // 400 is PingOne's answer for an id that is not a UUID: no user can have it.
      if (error instanceof PingOneApiError && (error.status === 404 || error.status === 400)) {
        throw noUserMatch(matchAttribute, { apiError: error });
      }
      throw error;
    }
  }
  const response = await ctx.client.request<{ _embedded?: { users?: Record<string, unknown>[] } }>({
    method: "GET",
    path: usersPath(ctx),
    query: { filter: scimEquals(matchAttribute, identifier), limit: 2 },
    final,
  });
  const users = response.body?._embedded?.users ?? [];
  if (users.length === 0) throw noUserMatch(matchAttribute, { response });
  if (users.length > 1) {
    throw new CapabilityError("multipleUserMatch", `More than one user has this ${matchAttribute}`, {
      httpResponseCode: 409,
      response,
    });
  }
  const resource = users[0]!;
  return { resource, id: String(resource.id), response };
}

/** `noUserMatch`, with the PingOne answer that showed it (a 404, or an empty list). */
function noUserMatch(
  matchAttribute: MatchAttribute,
  behind: { apiError?: PingOneApiError; response?: DecidingResponse } = {},
): CapabilityError {
  return new CapabilityError("noUserMatch", `No user matches the given ${matchAttribute}`, {
    httpResponseCode: 404,
    ...behind,
  });
}

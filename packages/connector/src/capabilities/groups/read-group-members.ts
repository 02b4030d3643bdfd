import { type Static, Type } from "@sinclair/typebox";
import { PingOneApiError } from "../../client/errors/api-error.js";
import type { ApiResponse } from "../../client/types.js";
import { isSafePathSegment, pathSegment } from "../../input/path-segment.js";
import { CapabilityError } from "../kit/capability-error.js";
import type { CapabilityContext } from "../kit/context.js";
import { defineCapability, type InputOf } from "../kit/definition.js";
import { escapeIdentifier } from "../kit/escape-identifier.js";
import { readCollection } from "../kit/read-collection.js";
import { succeed } from "../kit/result.js";
import { outputSchema } from "../kit/schema-helpers.js";
import { normalizeUser, UserSchema } from "../kit/schemas/user.js";
import { SCIM_ATTRIBUTE_PATH, scimAnyOf, scimEquals, scimStringLiteral } from "../kit/scim-filter.js";
import { userPath, usersPath } from "../kit/user-target.js";
import { given, groupPath, groupTarget, requireGroupId } from "./group-properties.js";

/** "Read up to 100 members of a group", as the product's description says. */
const MAX_MEMBERS = 100;

/** Names flows use for the user id. */
const ID_ALIASES = new Set(["id", "userid"]);

const MatchedUser = Type.Object({ _embedded: Type.Object({ user: UserSchema }) });

type UserResource = Record<string, unknown> & { id?: string };
type Member = { user: UserResource; type?: string };

/**
 * A32 Read Group Members: users filtered by `memberOfGroups[id eq "<group>"]`, optionally also
 * matching an identifier in some attributes (values escaped), optionally only direct members.
 */
export const readGroupMembers = defineCapability({
  id: "readGroupMembers",
  title: "Read Group Members",
  description: "Read up to 100 members of a group.",
  uses: [groupTarget, escapeIdentifier],
  input: {
    matchAttributes: Type.Optional(
      Type.Array(Type.String({ pattern: SCIM_ATTRIBUTE_PATH }), {
        uniqueItems: true,
        description: "PingOne attributes to match the identifier against, e.g. username, email",
      }),
    ),
    userIdentifierForFindUser: Type.Optional(
      Type.String({ description: "The value to look for in the attributes." }),
    ),
    memberGroupRelationship: Type.Optional(
      Type.Boolean({ default: false, description: "Only members assigned to the group directly." }),
    ),
  },
  output: outputSchema({
    matchedUsers: Type.Array(MatchedUser, { description: "The members found, at most 100" }),
    count: Type.Integer({ description: "How many members are in matchedUsers" }),
    truncated: Type.Optional(
      Type.Boolean({ description: "True when the group has more matching members than 100" }),
    ),
  }),
  properties: {
    matchAttributes: {
      displayName: "PingOne Attributes",
      control: "textFieldArrayView",
      info: "Enter the PingOne attributes you want to use to find a user, such as username, userID, or email.",
      uiOnly: true,
    },
    userIdentifierForFindUser: {
      displayName: "Identifier",
      control: "textField",
      info: "Enter the identifier, which was captured earlier in the flow, that you want to use to find a user. For example, if the attributes specified are email and username, and the identifier is username, the system will search for users whose email or username match the value captured under username.",
      uiOnly: true,
    },
    memberGroupRelationship: {
      displayName: "Direct Member Relationship",
      control: "toggleSwitch",
      info: "The output will only include members that are directly assigned to the group, instead of including any members assigned by a filter.",
      uiOnly: true,
    },
  },
  errors: {
    invalidFilter: "PingOne refused the filter built from the attributes.",
    invalidInput: "The group id is empty, or an identifier was given without attributes.",
  },
  examples: [
    { groupId: "f442f27a-6d9c-4280-891f-bed26a9bd9ce" },
    {
      groupId: "f442f27a-6d9c-4280-891f-bed26a9bd9ce",
      matchAttributes: ["username", "email"],
      userIdentifierForFindUser: "johndoe",
      memberGroupRelationship: true,
    },
  ],
  async handler(input, ctx) {
    const groupId = requireGroupId(input.groupId);
    const found = await findMembers(ctx, groupId, memberMatch(input));
    if (found.members.length === 0) {
      // An empty result for a group that does not exist is "no such group", not "no members".
      const group = await ctx.client.request({ method: "GET", path: groupPath(ctx, groupId) });
      found.response ??= group;
    }
    const kept = input.memberGroupRelationship
      ? await directMembers(ctx, found.members, groupId)
      : found.members;
    const matchedUsers = kept.map((member) => ({ _embedded: { user: normalizeUser(member.user) } }));
    const output: Record<string, unknown> = { matchedUsers, count: matchedUsers.length };
    if (found.truncated) output.truncated = true;
    return succeed(output, found.response!, {
      rawResponse: { _embedded: { matchedUsers, count: matchedUsers.length } },
    });
  },
});

export type ReadGroupMembersInput = InputOf<typeof readGroupMembers>;
export type ReadGroupMembersOutput = Static<typeof readGroupMembers.output>;

/** Which members to look for: all, or those whose attributes (or id) match the identifier. */
interface MemberMatch {
  identifier: string | undefined;
  /** The identifier is also matched as a user id, which is read rather than filtered. */
  byId: boolean;
  /** The filterable attributes to match it in. */
  filtered: string[];
}

function memberMatch(input: { matchAttributes?: string[]; userIdentifierForFindUser?: string }): MemberMatch {
  const identifier = given(input.userIdentifierForFindUser);
  const attributes = [...new Set((input.matchAttributes ?? []).map(canonicalAttribute))];
  if (identifier !== undefined && attributes.length === 0) {
    throw new CapabilityError("invalidInput", "matchAttributes is required with an identifier");
  }
  return {
    identifier,
    byId: identifier !== undefined && attributes.includes("id"),
    filtered: identifier === undefined ? [] : attributes.filter((attribute) => attribute !== "id"),
  };
}

/** The members the match finds, at most MAX_MEMBERS, with the response the output reports. */
async function findMembers(
  ctx: CapabilityContext,
  groupId: string,
  match: MemberMatch,
): Promise<{ members: Member[]; response: ApiResponse | undefined; truncated: boolean }> {
  const members: Member[] = [];
  let response: ApiResponse | undefined;
  let truncated = false;
  if (!match.byId || match.filtered.length > 0) {
    const member = `memberOfGroups[id eq ${scimStringLiteral(groupId)}]`;
    const filter =
      match.filtered.length === 0
        ? member
        : `${member} and (${scimAnyOf(match.filtered.map((attribute) => scimEquals(attribute, match.identifier!)))})`;
    const read = await readCollection<UserResource>(ctx, usersPath(ctx), {
      embedded: "users",
      query: { filter, limit: MAX_MEMBERS },
      maxItems: MAX_MEMBERS,
    });
    response = read.response;
    truncated = read.truncated;
    for (const user of read.items) members.push({ user });
  }
  if (match.byId) {
    const found = await memberById(ctx, match.identifier!, groupId);
    response ??= found.response;
    const already = members.some((member) => member.user.id === found.member?.user.id);
    if (found.member && !already && members.length < MAX_MEMBERS) members.push(found.member);
  }
  return { members, response, truncated };
}

function canonicalAttribute(attribute: string): string {
  return ID_ALIASES.has(attribute.toLowerCase()) ? "id" : attribute;
}

/**
 * `id` is not a filterable user attribute: the user is read by id and its membership of the
 * group read directly. A value that cannot be an id matches nobody.
 */
async function memberById(
  ctx: CapabilityContext,
  userId: string,
  groupId: string,
): Promise<{ member?: Member; response?: ApiResponse }> {
  if (!isSafePathSegment(userId)) return {};
  try {
    const membership = await ctx.client.request<{ type?: string }>({
      method: "GET",
      path: `${userPath(ctx, userId)}/memberOfGroups/${pathSegment(groupId)}`,
    });
    const user = await ctx.client.request<UserResource>({
      method: "GET",
      path: userPath(ctx, userId),
    });
    const member: Member = { user: user.body };
    if (membership.body?.type) member.type = membership.body.type;
    return { member, response: user };
  } catch (error) {
    if (error instanceof PingOneApiError && (error.status === 404 || error.status === 400)) return {};
    throw error;
  }
}

/** Keeps the members assigned to the group itself, not through its filter or a nested group. */
async function directMembers(ctx: CapabilityContext, members: Member[], groupId: string): Promise<Member[]> {
  const kept: Member[] = [];
  for (const member of members) {
    let type = member.type;
    if (type === undefined && member.user.id !== undefined) {
      const membership = await ctx.client.request<{ type?: string }>({
        method: "GET",
        path: `${userPath(ctx, member.user.id)}/memberOfGroups/${pathSegment(groupId)}`,
      });
      type = membership.body?.type;
    }
    if (type?.toUpperCase() === "DIRECT") kept.push(member);
  }
  return kept;
}

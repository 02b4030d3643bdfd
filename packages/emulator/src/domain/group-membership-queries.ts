import type { EmulatorContext } from "../context.js";
import type { SqlFragment } from "../scim/filter-sql.js";
import {
  listGroupMemberIds,
  memberOfGroupCondition,
  resolveUserMemberships,
  type UserMembership,
} from "../store/group-memberships.js";
import { findGroupsByIds } from "../store/groups.js";
import { dynamicGroupFilterCompiler } from "./dynamic-group-filter.js";

/**
 * Group membership as the rest of the emulator sees it: direct memberships, dynamic groups (`userFilter`)
 * and nesting, resolved the same way everywhere. These are the entry points other route modules call.
 */

function compilerFor(ctx: EmulatorContext, environmentId: string) {
  return dynamicGroupFilterCompiler(ctx.db, environmentId, ctx.settings.caseInsensitiveUsernameEmail);
}

/** Every group the user belongs to (DIRECT or INDIRECT), in group creation order. */
export function userMemberships(
  ctx: EmulatorContext,
  environmentId: string,
  userId: string,
): UserMembership[] {
  return resolveUserMemberships(ctx.db, environmentId, userId, compilerFor(ctx, environmentId));
}

/**
 * `include=memberOfGroupIDs|memberOfGroupNames` on `GET P/users/{id}`: the ids and names of every group the
 * user belongs to, direct or not, in group creation order.
 */
export function userGroupIdsAndNames(
  ctx: EmulatorContext,
  environmentId: string,
  userId: string,
): { memberOfGroupIDs: string[]; memberOfGroupNames: string[] } {
  const ids = userMemberships(ctx, environmentId, userId).map((membership) => membership.groupId);
  const groups = findGroupsByIds(ctx.db, environmentId, ids);
  return {
    memberOfGroupIDs: groups.map((group) => group.id),
    memberOfGroupNames: groups.map((group) => group.name),
  };
}

/**
 * The SQL for the users filter condition `memberOfGroups[id eq "<groupId>"]`: a boolean over the users
 * table (named `userTable` in the caller's query) that holds for direct, dynamic and nested members.
 * Use it from the users filter resolver's `valuePath`.
 * @example
 *   valuePath: (node) => memberOfGroupsCondition(ctx, envId, node.value, "u")
 */
export function memberOfGroupsCondition(
  ctx: EmulatorContext,
  environmentId: string,
  groupId: string,
  userTable = "users",
): SqlFragment {
  return memberOfGroupCondition(ctx.db, environmentId, groupId, compilerFor(ctx, environmentId), userTable);
}

/** Ids of the users in a group, however they are members, in user creation order. */
export function groupMemberUserIds(ctx: EmulatorContext, environmentId: string, groupId: string): string[] {
  return listGroupMemberIds(ctx.db, environmentId, groupId, compilerFor(ctx, environmentId));
}

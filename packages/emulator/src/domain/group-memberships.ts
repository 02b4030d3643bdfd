import type { EmulatorContext } from "../context.js";
import type { FilterNode } from "../scim/filter-ast.js";
import {
  addDirectMembership,
  addNesting,
  isDirectMember,
  isNestedIn,
  type MembershipType,
  nestingWouldCycle,
  removeDirectMembership,
  removeNesting,
  resolveGroupMemberships,
  type UserMembership,
} from "../store/group-memberships.js";
import { findGroup, findGroupsByIds, type GroupRecord } from "../store/groups.js";
import type { UserReference } from "../store/user-references.js";
import { requireGroup, requireUser } from "./directory-lookups.js";
import { DirectoryMessages } from "./directory-messages.js";
import { invalidData, notFound, orNotFound, requestFailed, uniquenessViolation } from "./errors.js";
import { userMemberships } from "./group-membership-queries.js";

/** A membership with the group it is in, ready to render. */
export interface MembershipOfGroup {
  group: GroupRecord;
  type: MembershipType;
}

/** The target group of a `POST …/memberOfGroups`, or INVALID_DATA on `id`. */
function targetGroup(ctx: EmulatorContext, environmentId: string, groupId: string): GroupRecord {
  const target = findGroup(ctx.db, environmentId, groupId);
  if (target === undefined) {
    throw invalidData([{ code: "INVALID_VALUE", target: "id", message: DirectoryMessages.unknownGroup }]);
  }
  return target;
}

/**
 * Makes a user a direct member of a group, refusing what PingOne refuses (unknown group, a dynamic group, a
 * population group of another population, an existing direct membership). The seed loader uses it too.
 * Call inside a write transaction.
 */
export function addUserToGroup(
  ctx: EmulatorContext,
  environmentId: string,
  userId: string,
  groupId: string,
): GroupRecord {
  const user = requireUser(ctx, environmentId, userId);
  const target = targetGroup(ctx, environmentId, groupId);
  const refusal =
    target.userFilter !== null
      ? DirectoryMessages.dynamicGroupMembership
      : target.populationId !== null && target.populationId !== user.populationId
        ? DirectoryMessages.populationGroupMembership
        : undefined;
  if (refusal !== undefined) throw invalidData([{ code: "INVALID_VALUE", target: "id", message: refusal }]);
  if (isDirectMember(ctx.db, user.id, target.id)) throw uniquenessViolation("id", target.id);
  addDirectMembership(ctx.db, user.id, target.id, ctx.clock.now());
  return target;
}

/**
 * Nests a group in a parent group, refusing self-nesting, duplicates and cycles. Call inside a write
 * transaction.
 */
export function nestGroup(
  ctx: EmulatorContext,
  environmentId: string,
  groupId: string,
  parentGroupId: string,
): { group: GroupRecord; parent: GroupRecord } {
  const child = requireGroup(ctx, environmentId, groupId);
  const target = targetGroup(ctx, environmentId, parentGroupId);
  if (target.id === child.id) {
    throw invalidData([{ code: "INVALID_VALUE", target: "id", message: DirectoryMessages.nestedInSelf }]);
  }
  if (isNestedIn(ctx.db, child.id, target.id)) throw uniquenessViolation("id", target.id);
  if (nestingWouldCycle(ctx.db, child.id, target.id)) {
    throw invalidData([{ code: "INVALID_VALUE", target: "id", message: DirectoryMessages.nestingCycle }]);
  }
  addNesting(ctx.db, child.id, target.id, ctx.clock.now());
  return { group: child, parent: target };
}

/** The membership filter knows one attribute, `type`, compared ignoring case (docs/emulator.md#filters). */
function membershipMatches(node: FilterNode, type: MembershipType): boolean {
  switch (node.kind) {
    case "logical":
      return node.operator === "and"
        ? node.operands.every((operand) => membershipMatches(operand, type))
        : node.operands.some((operand) => membershipMatches(operand, type));
    case "comparison":
      return typeof node.value === "string" && node.value.toUpperCase() === type;
    case "valuePath":
      return false;
  }
}

/** Pairs memberships with their groups, in the memberships' order. */
export function withGroups(
  ctx: EmulatorContext,
  environmentId: string,
  memberships: readonly UserMembership[],
): MembershipOfGroup[] {
  const ids = memberships.map((membership) => membership.groupId);
  const groups = new Map(findGroupsByIds(ctx.db, environmentId, ids).map((group) => [group.id, group]));
  return memberships.flatMap((membership) => {
    const group = groups.get(membership.groupId);
    return group === undefined ? [] : [{ group, type: membership.type }];
  });
}

/** A user's groups (DIRECT and INDIRECT) that match the memberships filter, in group creation order. */
export function userMembershipsMatching(
  ctx: EmulatorContext,
  environmentId: string,
  userId: string,
  filter: FilterNode | undefined,
): { user: UserReference; memberships: UserMembership[] } {
  const user = requireUser(ctx, environmentId, userId);
  const memberships = userMemberships(ctx, environmentId, user.id).filter(
    (membership) => filter === undefined || membershipMatches(filter, membership.type),
  );
  return { user, memberships };
}

/** One group of a user's, however the user belongs to it, or 404. */
export function findUserMembership(
  ctx: EmulatorContext,
  environmentId: string,
  userId: string,
  groupId: string,
): { user: UserReference } & MembershipOfGroup {
  const user = requireUser(ctx, environmentId, userId);
  const membership = orNotFound(
    userMemberships(ctx, environmentId, user.id).find((m) => m.groupId === groupId),
  );
  return { user, group: requireGroup(ctx, environmentId, groupId), type: membership.type };
}

/** Ends a DIRECT membership; an INDIRECT one (dynamic or nested) cannot be removed. */
export function removeUserFromGroup(
  ctx: EmulatorContext,
  environmentId: string,
  userId: string,
  groupId: string,
): void {
  ctx.db.transaction(() => {
    const user = requireUser(ctx, environmentId, userId);
    if (isDirectMember(ctx.db, user.id, groupId)) return removeDirectMembership(ctx.db, user.id, groupId);
    const indirect = userMemberships(ctx, environmentId, user.id).some((m) => m.groupId === groupId);
    throw indirect ? requestFailed(DirectoryMessages.indirectMembership) : notFound();
  })();
}

/** The groups a group belongs to: DIRECT where it is nested, INDIRECT for their ancestors. */
export function groupNestings(
  ctx: EmulatorContext,
  environmentId: string,
  groupId: string,
): { group: GroupRecord; memberships: UserMembership[] } {
  const group = requireGroup(ctx, environmentId, groupId);
  return { group, memberships: resolveGroupMemberships(ctx.db, group.id) };
}

/** One group a group belongs to, or 404. */
export function findGroupNesting(
  ctx: EmulatorContext,
  environmentId: string,
  groupId: string,
  parentGroupId: string,
): { group: GroupRecord; parent: GroupRecord; type: MembershipType } {
  const group = requireGroup(ctx, environmentId, groupId);
  const membership = orNotFound(
    resolveGroupMemberships(ctx.db, group.id).find((m) => m.groupId === parentGroupId),
  );
  return { group, parent: requireGroup(ctx, environmentId, parentGroupId), type: membership.type };
}

/** Ends a DIRECT nesting; an INDIRECT one (through an ancestor) cannot be removed. */
export function unnestGroup(
  ctx: EmulatorContext,
  environmentId: string,
  groupId: string,
  parentGroupId: string,
): void {
  ctx.db.transaction(() => {
    const group = requireGroup(ctx, environmentId, groupId);
    if (isNestedIn(ctx.db, group.id, parentGroupId)) return removeNesting(ctx.db, group.id, parentGroupId);
    const indirect = resolveGroupMemberships(ctx.db, group.id).some((m) => m.groupId === parentGroupId);
    throw indirect ? requestFailed(DirectoryMessages.indirectMembership) : notFound();
  })();
}

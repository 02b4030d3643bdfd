import type { Context } from "hono";
import type { EmulatorContext } from "../context.js";
import { userMemberships } from "../domain/group-membership-queries.js";
import { Roles } from "../domain/roles.js";
import { parseOptionList } from "../http/filter-query.js";
import { halCollection, hrefWithCursor } from "../http/hal.js";
import { readJsonObject } from "../http/json-body.js";
import { decodeCursor, encodeCursor, parseLimit } from "../http/paging.js";
import { invalidData, notFound, requestFailed, uniquenessViolation } from "../http/pingone-error.js";
import { assertValid, type ObjectSpec } from "../http/validation.js";
import { requireRole } from "../middleware/bearer-auth.js";
import type { FilterNode } from "../scim/filter-ast.js";
import { parseFilter } from "../scim/filter-parser.js";
import { membershipsFilterSchema } from "../scim/filter-schemas.js";
import {
  addDirectMembership,
  addNesting,
  countDirectMembers,
  isDirectMember,
  isNestedIn,
  type MembershipType,
  nestingWouldCycle,
  removeDirectMembership,
  removeNesting,
  resolveGroupMemberships,
} from "../store/group-memberships.js";
import { findGroup, findGroupsByIds, type GroupRecord } from "../store/groups.js";
import { withFilterErrors } from "./directory-filters.js";
import { requireGroup, requireUser } from "./directory-lookups.js";
import { DirectoryMessages } from "./directory-messages.js";
import { groupBody, groupNestingBody, userMembershipBody } from "./directory-representations.js";
import type { RouteModule } from "./route-module.js";

/** Pages of memberships allow 1…1000, like groups. */
const MAX_MEMBERSHIPS_PAGE = 1000;

/** `POST …/memberOfGroups` takes only the group's id (pingone-api.md §10.1). */
const MEMBERSHIP_SPEC: ObjectSpec = { id: { kind: "string", minLength: 1 } };

/** The membership filter knows one attribute, `type`, compared ignoring case (pingone-api.md §2.5). */
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

function embeddedGroup(c: Context, ctx: EmulatorContext, group: GroupRecord) {
  return groupBody(c, group, { directMembers: countDirectMembers(ctx.db, [group.id]).get(group.id) ?? 0 });
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
  const target = findGroup(ctx.db, environmentId, groupId);
  if (target === undefined) {
    throw invalidData([{ code: "INVALID_VALUE", target: "id", message: DirectoryMessages.unknownGroup }]);
  }
  if (target.userFilter !== null) {
    throw invalidData([
      { code: "INVALID_VALUE", target: "id", message: DirectoryMessages.dynamicGroupMembership },
    ]);
  }
  if (target.populationId !== null && target.populationId !== user.populationId) {
    throw invalidData([
      { code: "INVALID_VALUE", target: "id", message: DirectoryMessages.populationGroupMembership },
    ]);
  }
  if (isDirectMember(ctx.db, user.id, target.id)) {
    throw uniquenessViolation("id", target.id, ctx.settings.duplicateStatus);
  }
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
  const target = findGroup(ctx.db, environmentId, parentGroupId);
  if (target === undefined) {
    throw invalidData([{ code: "INVALID_VALUE", target: "id", message: DirectoryMessages.unknownGroup }]);
  }
  if (target.id === child.id) {
    throw invalidData([{ code: "INVALID_VALUE", target: "id", message: DirectoryMessages.nestedInSelf }]);
  }
  if (isNestedIn(ctx.db, child.id, target.id)) {
    throw uniquenessViolation("id", target.id, ctx.settings.duplicateStatus);
  }
  if (nestingWouldCycle(ctx.db, child.id, target.id)) {
    throw invalidData([{ code: "INVALID_VALUE", target: "id", message: DirectoryMessages.nestingCycle }]);
  }
  addNesting(ctx.db, child.id, target.id, ctx.clock.now());
  return { group: child, parent: target };
}

/**
 * `P/users/{userId}/memberOfGroups` (a user's groups, DIRECT and INDIRECT) and `P/groups/{groupId}/memberOfGroups`
 * (group nesting), under Identity Data Admin.
 */
export const groupMembershipRoutes: RouteModule = (app, ctx) => {
  const userCollection = "/v1/environments/:envId/users/:userId/memberOfGroups";
  const userItem = `${userCollection}/:groupId`;
  const guard = requireRole(Roles.identityDataAdmin);

  app.get(userCollection, guard, (c) => {
    const environmentId = c.req.param("envId");
    const limit = parseLimit(c, { max: MAX_MEMBERSHIPS_PAGE, fallback: MAX_MEMBERSHIPS_PAGE });
    const offset = decodeCursor(c);
    const expand = parseOptionList(c, "expand", ["group"] as const);
    const filterText = c.req.query("filter");
    const filter =
      filterText === undefined
        ? undefined
        : withFilterErrors("filter", () => parseFilter(filterText, membershipsFilterSchema));
    const user = requireUser(ctx, environmentId, c.req.param("userId"));
    const memberships = userMemberships(ctx, environmentId, user.id).filter(
      (membership) => filter === undefined || membershipMatches(filter, membership.type),
    );
    const page = memberships.slice(offset, offset + limit);
    const groups = new Map(
      findGroupsByIds(
        ctx.db,
        environmentId,
        page.map((membership) => membership.groupId),
      ).map((group) => [group.id, group]),
    );
    const items = page.flatMap((membership) => {
      const group = groups.get(membership.groupId);
      if (group === undefined) return [];
      const embedded = expand.has("group") ? embeddedGroup(c, ctx, group) : undefined;
      return [userMembershipBody(c, user.id, group, membership.type, embedded)];
    });
    const end = offset + page.length;
    const nextHref = end < memberships.length ? hrefWithCursor(c, encodeCursor(c, end)) : undefined;
    return c.json(
      halCollection(c, "groupMemberships", items, {
        count: memberships.length,
        ...(nextHref ? { nextHref } : {}),
      }),
    );
  });

  app.post(userCollection, guard, async (c) => {
    const environmentId = c.req.param("envId");
    const body = await readJsonObject(c);
    assertValid(body, MEMBERSHIP_SPEC, { required: ["id"] });
    const group = ctx.db.transaction(() =>
      addUserToGroup(ctx, environmentId, c.req.param("userId"), body.id as string),
    )();
    return c.json(userMembershipBody(c, c.req.param("userId"), group, "DIRECT"), 201);
  });

  app.get(userItem, guard, (c) => {
    const environmentId = c.req.param("envId");
    const expand = parseOptionList(c, "expand", ["group"] as const);
    const user = requireUser(ctx, environmentId, c.req.param("userId"));
    const groupId = c.req.param("groupId");
    const membership = userMemberships(ctx, environmentId, user.id).find((m) => m.groupId === groupId);
    if (membership === undefined) throw notFound();
    const group = requireGroup(ctx, environmentId, groupId);
    const embedded = expand.has("group") ? embeddedGroup(c, ctx, group) : undefined;
    return c.json(userMembershipBody(c, user.id, group, membership.type, embedded));
  });

  app.delete(userItem, guard, (c) => {
    const environmentId = c.req.param("envId");
    ctx.db.transaction(() => {
      const user = requireUser(ctx, environmentId, c.req.param("userId"));
      const groupId = c.req.param("groupId");
      if (isDirectMember(ctx.db, user.id, groupId)) {
        removeDirectMembership(ctx.db, user.id, groupId);
        return;
      }
      const indirect = userMemberships(ctx, environmentId, user.id).some((m) => m.groupId === groupId);
      if (indirect) throw requestFailed(DirectoryMessages.indirectMembership);
      throw notFound();
    })();
    return c.body(null, 204);
  });

  const nestingCollection = "/v1/environments/:envId/groups/:groupId/memberOfGroups";
  const nestingItem = `${nestingCollection}/:parentGroupId`;

  app.get(nestingCollection, guard, (c) => {
    const environmentId = c.req.param("envId");
    const limit = parseLimit(c, { max: MAX_MEMBERSHIPS_PAGE, fallback: MAX_MEMBERSHIPS_PAGE });
    const offset = decodeCursor(c);
    const group = requireGroup(ctx, environmentId, c.req.param("groupId"));
    const all = resolveGroupMemberships(ctx.db, group.id);
    const page = all.slice(offset, offset + limit);
    const groups = new Map(
      findGroupsByIds(
        ctx.db,
        environmentId,
        page.map((membership) => membership.groupId),
      ).map((parent) => [parent.id, parent]),
    );
    const items = page.flatMap((membership) => {
      const parent = groups.get(membership.groupId);
      return parent === undefined ? [] : [groupNestingBody(c, group.id, parent, membership.type)];
    });
    const end = offset + page.length;
    const nextHref = end < all.length ? hrefWithCursor(c, encodeCursor(c, end)) : undefined;
    return c.json(
      halCollection(c, "groupMemberships", items, {
        count: all.length,
        ...(nextHref ? { nextHref } : {}),
      }),
    );
  });

  app.post(nestingCollection, guard, async (c) => {
    const environmentId = c.req.param("envId");
    const body = await readJsonObject(c);
    assertValid(body, MEMBERSHIP_SPEC, { required: ["id"] });
    const { group, parent } = ctx.db.transaction(() =>
      nestGroup(ctx, environmentId, c.req.param("groupId"), body.id as string),
    )();
    return c.json(groupNestingBody(c, group.id, parent, "DIRECT"), 201);
  });

  app.get(nestingItem, guard, (c) => {
    const environmentId = c.req.param("envId");
    const group = requireGroup(ctx, environmentId, c.req.param("groupId"));
    const parentId = c.req.param("parentGroupId");
    const membership = resolveGroupMemberships(ctx.db, group.id).find((m) => m.groupId === parentId);
    if (membership === undefined) throw notFound();
    const parent = requireGroup(ctx, environmentId, parentId);
    return c.json(groupNestingBody(c, group.id, parent, membership.type));
  });

  app.delete(nestingItem, guard, (c) => {
    const environmentId = c.req.param("envId");
    ctx.db.transaction(() => {
      const group = requireGroup(ctx, environmentId, c.req.param("groupId"));
      const parentId = c.req.param("parentGroupId");
      if (isNestedIn(ctx.db, group.id, parentId)) {
        removeNesting(ctx.db, group.id, parentId);
        return;
      }
      const indirect = resolveGroupMemberships(ctx.db, group.id).some((m) => m.groupId === parentId);
      if (indirect) throw requestFailed(DirectoryMessages.indirectMembership);
      throw notFound();
    })();
    return c.body(null, 204);
  });
};

import type { Context } from "hono";
import type { EmulatorContext } from "../context.js";
import {
  addUserToGroup,
  findGroupNesting,
  findUserMembership,
  groupNestings,
  nestGroup,
  removeUserFromGroup,
  unnestGroup,
  userMembershipsMatching,
  withGroups,
} from "../domain/group-memberships.js";
import { groupMemberCounts } from "../domain/groups.js";
import { Roles } from "../domain/roles.js";
import { assertValid, type ObjectSpec } from "../domain/validation.js";
import { parseFilterParameter, parseOptionList } from "../http/filter-query.js";
import type { EmulatorEnv } from "../http/hono-env.js";
import { readJsonObject } from "../http/json-body.js";
import { collectionPage, decodeCursor, nextAfterOffset, parseLimit } from "../http/paging.js";
import { requireRole } from "../middleware/bearer-auth.js";
import { toGroupResource } from "../representations/group.js";
import { toGroupNestingResource, toUserMembershipResource } from "../representations/group-membership.js";
import { membershipsFilterSchema } from "../scim/filter-schemas.js";
import type { GroupRecord } from "../store/groups.js";
import type { RouteModule } from "./route-module.js";

/** Pages of memberships allow 1…1000, like groups. */
const MAX_MEMBERSHIPS_PAGE = 1000;

/** `POST …/memberOfGroups` takes only the group's id (docs/emulator.md#groups). */
const MEMBERSHIP_SPEC: ObjectSpec = { id: { kind: "string", minLength: 1 } };

const USER_GROUPS = "/v1/environments/:envId/users/:userId/memberOfGroups";
const GROUP_GROUPS = "/v1/environments/:envId/groups/:groupId/memberOfGroups";

/** `expand=group` embeds the group with its direct member count. */
function embeddedGroup(c: Context, ctx: EmulatorContext, group: GroupRecord, expand: Set<string>) {
  return expand.has("group") ? toGroupResource(c, group, groupMemberCounts(ctx, group, false)) : undefined;
}

/** `limit` and the cursor's offset: memberships are computed, so they page by position. */
function offsetPage(c: Context): { limit: number; offset: number } {
  const limit = parseLimit(c, { max: MAX_MEMBERSHIPS_PAGE, fallback: MAX_MEMBERSHIPS_PAGE });
  return { limit, offset: decodeCursor(c) };
}

/** `GET P/users/{id}/memberOfGroups`: DIRECT and INDIRECT groups, `filter=type eq …`, `expand=group`. */
function listUserGroups(c: Context<EmulatorEnv, typeof USER_GROUPS>, ctx: EmulatorContext): Response {
  const environmentId = c.req.param("envId");
  const { limit, offset } = offsetPage(c);
  const expand = parseOptionList(c, "expand", ["group"] as const);
  const filter = parseFilterParameter(c, membershipsFilterSchema);
  const { user, memberships } = userMembershipsMatching(ctx, environmentId, c.req.param("userId"), filter);
  const page = memberships.slice(offset, offset + limit);
  const items = withGroups(ctx, environmentId, page).map(({ group, type }) =>
    toUserMembershipResource(c, user.id, group, type, embeddedGroup(c, ctx, group, expand)),
  );
  const next = nextAfterOffset(offset, page.length, memberships.length);
  return c.json(collectionPage(c, "groupMemberships", items, { count: memberships.length, next }));
}

/** `GET P/groups/{id}/memberOfGroups`: the groups a group is nested in, directly or through ancestors. */
function listGroupGroups(c: Context<EmulatorEnv, typeof GROUP_GROUPS>, ctx: EmulatorContext): Response {
  const environmentId = c.req.param("envId");
  const { limit, offset } = offsetPage(c);
  const { group, memberships } = groupNestings(ctx, environmentId, c.req.param("groupId"));
  const page = memberships.slice(offset, offset + limit);
  const items = withGroups(ctx, environmentId, page).map(({ group: parent, type }) =>
    toGroupNestingResource(c, group.id, parent, type),
  );
  const next = nextAfterOffset(offset, page.length, memberships.length);
  return c.json(collectionPage(c, "groupMemberships", items, { count: memberships.length, next }));
}

/**
 * `P/users/{userId}/memberOfGroups` (a user's groups, DIRECT and INDIRECT) and
 * `P/groups/{groupId}/memberOfGroups` (group nesting), under Identity Data Admin.
 */
export const groupMembershipRoutes: RouteModule = (app, ctx) => {
  const guard = requireRole(Roles.identityDataAdmin);

  app.get(USER_GROUPS, guard, (c) => listUserGroups(c, ctx));
  app.post(USER_GROUPS, guard, async (c) => {
    const body = await readJsonObject(c);
    assertValid(body, MEMBERSHIP_SPEC, { required: ["id"] });
    const userId = c.req.param("userId");
    const group = ctx.db.transaction(() =>
      addUserToGroup(ctx, c.req.param("envId"), userId, body.id as string),
    )();
    return c.json(toUserMembershipResource(c, userId, group, "DIRECT"), 201);
  });
  app.get(`${USER_GROUPS}/:groupId`, guard, (c) => {
    const expand = parseOptionList(c, "expand", ["group"] as const);
    const { user, group, type } = findUserMembership(
      ctx,
      c.req.param("envId"),
      c.req.param("userId"),
      c.req.param("groupId"),
    );
    return c.json(toUserMembershipResource(c, user.id, group, type, embeddedGroup(c, ctx, group, expand)));
  });
  app.delete(`${USER_GROUPS}/:groupId`, guard, (c) => {
    removeUserFromGroup(ctx, c.req.param("envId"), c.req.param("userId"), c.req.param("groupId"));
    return c.body(null, 204);
  });

  app.get(GROUP_GROUPS, guard, (c) => listGroupGroups(c, ctx));
  app.post(GROUP_GROUPS, guard, async (c) => {
    const body = await readJsonObject(c);
    assertValid(body, MEMBERSHIP_SPEC, { required: ["id"] });
    const { group, parent } = ctx.db.transaction(() =>
      nestGroup(ctx, c.req.param("envId"), c.req.param("groupId"), body.id as string),
    )();
    return c.json(toGroupNestingResource(c, group.id, parent, "DIRECT"), 201);
  });
  app.get(`${GROUP_GROUPS}/:parentGroupId`, guard, (c) => {
    const params = [c.req.param("envId"), c.req.param("groupId"), c.req.param("parentGroupId")] as const;
    const { group, parent, type } = findGroupNesting(ctx, ...params);
    return c.json(toGroupNestingResource(c, group.id, parent, type));
  });
  app.delete(`${GROUP_GROUPS}/:parentGroupId`, guard, (c) => {
    unnestGroup(ctx, c.req.param("envId"), c.req.param("groupId"), c.req.param("parentGroupId"));
    return c.body(null, 204);
  });
};

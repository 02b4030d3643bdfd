import { requireGroup } from "../domain/directory-lookups.js";
import { createGroup, groupMemberCounts, removeGroup, replaceGroup } from "../domain/groups.js";
import { Roles } from "../domain/roles.js";
import { compileFilterParameter, parseOptionList } from "../http/filter-query.js";
import { readJsonObject } from "../http/json-body.js";
import { collectionPage, decodeCursor, nextAfterKeyset, parseLimit } from "../http/paging.js";
import { requireRole } from "../middleware/bearer-auth.js";
import { toGroupResource } from "../representations/group.js";
import { groupsFilterSchema } from "../scim/filter-schemas.js";
import { countDirectMembers } from "../store/group-memberships.js";
import { groupFilterResolver, listGroups } from "../store/groups.js";
import type { RouteModule } from "./route-module.js";

/** Groups allow pages of 1…1000 (community spec, readAllGroups). */
const MAX_GROUPS_PAGE = 1000;

/** `P/groups` and `P/groups/{groupId}` (docs/emulator.md#groups), all under Identity Data Admin. */
export const groupRoutes: RouteModule = (app, ctx) => {
  const collection = "/v1/environments/:envId/groups";
  const item = `${collection}/:groupId`;
  const guard = requireRole(Roles.identityDataAdmin);

  app.get(collection, guard, (c) => {
    const limit = parseLimit(c, { max: MAX_GROUPS_PAGE, fallback: MAX_GROUPS_PAGE });
    const after = decodeCursor(c);
    const filter = compileFilterParameter(c, groupsFilterSchema, groupFilterResolver);
    const page = listGroups(ctx.db, c.req.param("envId"), filter, { after, limit });
    const direct = countDirectMembers(
      ctx.db,
      page.rows.map((group) => group.id),
    );
    const items = page.rows.map((group) =>
      toGroupResource(c, group, { directMembers: direct.get(group.id) ?? 0 }),
    );
    return c.json(collectionPage(c, "groups", items, { count: page.count, next: nextAfterKeyset(page) }));
  });

  app.post(collection, guard, async (c) => {
    const body = await readJsonObject(c);
    const group = ctx.db.transaction(() => createGroup(ctx, c.req.param("envId"), body))();
    return c.json(toGroupResource(c, group, groupMemberCounts(ctx, group, false)), 201);
  });

  app.get(item, guard, (c) => {
    const include = parseOptionList(c, "include", ["totalMemberCounts"] as const);
    const group = requireGroup(ctx, c.req.param("envId"), c.req.param("groupId"));
    return c.json(toGroupResource(c, group, groupMemberCounts(ctx, group, include.has("totalMemberCounts"))));
  });

  app.put(item, guard, async (c) => {
    const body = await readJsonObject(c);
    const group = replaceGroup(ctx, c.req.param("envId"), c.req.param("groupId"), body);
    return c.json(toGroupResource(c, group, groupMemberCounts(ctx, group, false)));
  });

  app.delete(item, guard, (c) => {
    removeGroup(ctx, c.req.param("envId"), c.req.param("groupId"));
    return c.body(null, 204);
  });
};

import type { Context } from "hono";
import { requireUser } from "../domain/directory-lookups.js";
import {
  createRoleAssignment,
  removeRoleAssignment,
  requireRoleAssignment,
} from "../domain/role-assignments.js";
import { Roles } from "../domain/roles.js";
import { parseOptionList } from "../http/filter-query.js";
import { links } from "../http/hal.js";
import { readJsonObject } from "../http/json-body.js";
import { collectionPage, decodeCursor, nextAfterOffset, parseLimit } from "../http/paging.js";
import { requireRole } from "../middleware/bearer-auth.js";
import { toRoleResource } from "../representations/role.js";
import { toRoleAssignmentResource } from "../representations/role-assignment.js";
import { listRoleAssignments, type RoleAssignmentRecord } from "../store/role-assignments.js";
import type { RouteModule } from "./route-module.js";

const MAX_ASSIGNMENTS_PAGE = 1000;

/** An assignment, with its role embedded for `expand=role`. */
function assignmentResponse(c: Context, assignment: RoleAssignmentRecord, expand: Set<string>) {
  return toRoleAssignmentResource(
    c,
    assignment,
    expand.has("role") ? toRoleResource(c, assignment.roleId) : undefined,
  );
}

/**
 * `P/users/{userId}/roleAssignments[/{assignmentId}]` (docs/emulator.md#role-assignments). Reading needs
 * Identity Data Admin or Environment Admin; granting and revoking administrator roles needs Environment
 * Admin or Organization Admin.
 */
export const roleAssignmentRoutes: RouteModule = (app, ctx) => {
  const collection = "/v1/environments/:envId/users/:userId/roleAssignments";
  const item = `${collection}/:assignmentId`;
  const readers = requireRole(Roles.identityDataAdmin, Roles.environmentAdmin, Roles.organizationAdmin);
  const writers = requireRole(Roles.environmentAdmin, Roles.organizationAdmin);

  app.get(collection, readers, (c) => {
    const environmentId = c.req.param("envId");
    const limit = parseLimit(c, { max: MAX_ASSIGNMENTS_PAGE, fallback: MAX_ASSIGNMENTS_PAGE });
    const offset = decodeCursor(c);
    const expand = parseOptionList(c, "expand", ["role"] as const);
    const user = requireUser(ctx, environmentId, c.req.param("userId"));
    const page = listRoleAssignments(ctx.db, user.id, { offset, limit });
    const items = page.roleAssignments.map((assignment) => assignmentResponse(c, assignment, expand));
    const next = nextAfterOffset(offset, items.length, page.count);
    const body = collectionPage(c, "roleAssignments", items, { count: page.count, next });
    // The collection also links to its user and environment (Swimlane's documented example).
    const userPath = `/environments/${environmentId}/users/${user.id}`;
    Object.assign(
      body._links as object,
      links(c, { user: userPath, environment: `/environments/${environmentId}` }),
    );
    return c.json(body);
  });

  app.post(collection, writers, async (c) => {
    const body = await readJsonObject(c);
    const assignment = ctx.db.transaction(() =>
      createRoleAssignment(ctx, c.req.param("envId"), c.req.param("userId"), body, false),
    )();
    return c.json(toRoleAssignmentResource(c, assignment), 201);
  });

  app.get(item, readers, (c) => {
    const expand = parseOptionList(c, "expand", ["role"] as const);
    const params = [c.req.param("envId"), c.req.param("userId"), c.req.param("assignmentId")] as const;
    return c.json(assignmentResponse(c, requireRoleAssignment(ctx, ...params), expand));
  });

  app.delete(item, writers, (c) => {
    removeRoleAssignment(ctx, c.req.param("envId"), c.req.param("userId"), c.req.param("assignmentId"));
    return c.body(null, 204);
  });
};

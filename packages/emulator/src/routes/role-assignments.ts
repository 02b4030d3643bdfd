import type { EmulatorContext } from "../context.js";
import { findRoleById, type RoleScopeType } from "../domain/role-catalog.js";
import { Roles } from "../domain/roles.js";
import { parseOptionList } from "../http/filter-query.js";
import { halCollection, hrefWithCursor, links } from "../http/hal.js";
import { type JsonObject, readJsonObject } from "../http/json-body.js";
import { decodeCursor, encodeCursor, parseLimit } from "../http/paging.js";
import { invalidData, notFound, requestFailed, uniquenessViolation } from "../http/pingone-error.js";
import { assertValid, type ObjectSpec } from "../http/validation.js";
import { requireRole } from "../middleware/bearer-auth.js";
import {
  deleteRoleAssignment,
  findRoleAssignment,
  findSameRoleAssignment,
  insertRoleAssignment,
  listRoleAssignments,
  type RoleAssignmentRecord,
} from "../store/role-assignments.js";
import { requireUser } from "./directory-lookups.js";
import { DirectoryMessages } from "./directory-messages.js";
import { roleAssignmentBody, roleBody } from "./directory-representations.js";
import type { RouteModule } from "./route-module.js";

const MAX_ASSIGNMENTS_PAGE = 1000;

const SCOPE_TYPES: readonly RoleScopeType[] = ["ORGANIZATION", "ENVIRONMENT", "POPULATION", "APPLICATION"];

const ASSIGNMENT_SPEC: ObjectSpec = {
  role: { kind: "object", fields: { id: { kind: "string", minLength: 1 } }, required: ["id"] },
  scope: {
    kind: "object",
    fields: { id: { kind: "string", minLength: 1 }, type: { kind: "string", allowed: SCOPE_TYPES } },
    required: ["id", "type"],
  },
  id: { kind: "readOnly" },
  environment: { kind: "readOnly" },
  readOnly: { kind: "readOnly" },
  _links: { kind: "readOnly" },
};

/** Whether `scopeId` names a resource of `scopeType` this environment can grant roles on. */
function scopeExists(
  ctx: EmulatorContext,
  environmentId: string,
  scopeType: RoleScopeType,
  scopeId: string,
): boolean {
  const queries: Record<RoleScopeType, string> = {
    ORGANIZATION: "SELECT 1 FROM environments WHERE id = ? AND organization_id = ?",
    ENVIRONMENT: `SELECT 1 FROM environments e JOIN environments mine ON mine.organization_id = e.organization_id
                   WHERE mine.id = ? AND e.id = ?`,
    POPULATION: "SELECT 1 FROM populations WHERE environment_id = ? AND id = ?",
    APPLICATION: "SELECT 1 FROM applications WHERE environment_id = ? AND id = ?",
  };
  return ctx.db.prepare(queries[scopeType]).get(environmentId, scopeId) !== undefined;
}

/**
 * Validates `{role: {id}, scope: {id, type}}` and grants the role, as `POST …/roleAssignments` does; the seed
 * loader uses it too (and may mark the assignment read-only). Call inside a write transaction.
 */
export function createRoleAssignment(
  ctx: EmulatorContext,
  environmentId: string,
  userId: string,
  body: JsonObject,
  readOnly: boolean,
  id: string = crypto.randomUUID(),
): RoleAssignmentRecord {
  assertValid(body, ASSIGNMENT_SPEC, { required: ["role", "scope"] });
  const roleId = (body.role as { id: string }).id;
  const scope = body.scope as { id: string; type: RoleScopeType };
  const user = requireUser(ctx, environmentId, userId);
  const role = findRoleById(roleId);
  if (role === undefined) {
    throw invalidData([{ code: "INVALID_VALUE", target: "role.id", message: DirectoryMessages.unknownRole }]);
  }
  if (!role.applicableTo.includes(scope.type)) {
    throw invalidData([
      {
        code: "INVALID_VALUE",
        target: "scope.type",
        message: DirectoryMessages.scopeNotApplicable,
        innerError: { allowedValues: [...role.applicableTo] },
      },
    ]);
  }
  if (!scopeExists(ctx, environmentId, scope.type, scope.id)) {
    throw invalidData([
      { code: "INVALID_VALUE", target: "scope.id", message: DirectoryMessages.unknownScope },
    ]);
  }
  const existing = findSameRoleAssignment(ctx.db, user.id, role.id, scope.type, scope.id);
  if (existing !== undefined) throw uniquenessViolation("role.id", existing, ctx.settings.duplicateStatus);
  return insertRoleAssignment(
    ctx.db,
    { environmentId, userId: user.id, roleId: role.id, scopeId: scope.id, scopeType: scope.type, readOnly },
    ctx.clock.now(),
    id,
  );
}

/**
 * `P/users/{userId}/roleAssignments[/{assignmentId}]` (pingone-api.md §10.5). Reading needs Identity Data
 * Admin or Environment Admin; granting and revoking administrator roles needs Environment Admin or
 * Organization Admin.
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
    const items = page.roleAssignments.map((assignment) =>
      roleAssignmentBody(c, assignment, expand.has("role") ? roleBody(c, assignment.roleId) : undefined),
    );
    const end = offset + items.length;
    const nextHref = end < page.count ? hrefWithCursor(c, encodeCursor(c, end)) : undefined;
    const body = halCollection(c, "roleAssignments", items, {
      count: page.count,
      ...(nextHref ? { nextHref } : {}),
    });
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
    return c.json(roleAssignmentBody(c, assignment), 201);
  });

  app.get(item, readers, (c) => {
    const environmentId = c.req.param("envId");
    const expand = parseOptionList(c, "expand", ["role"] as const);
    const user = requireUser(ctx, environmentId, c.req.param("userId"));
    const assignment = findRoleAssignment(ctx.db, user.id, c.req.param("assignmentId"));
    if (assignment === undefined) throw notFound();
    return c.json(
      roleAssignmentBody(c, assignment, expand.has("role") ? roleBody(c, assignment.roleId) : undefined),
    );
  });

  app.delete(item, writers, (c) => {
    const environmentId = c.req.param("envId");
    ctx.db.transaction(() => {
      const user = requireUser(ctx, environmentId, c.req.param("userId"));
      const assignment = findRoleAssignment(ctx.db, user.id, c.req.param("assignmentId"));
      if (assignment === undefined) throw notFound();
      if (assignment.readOnly) throw requestFailed(DirectoryMessages.readOnlyRoleAssignment);
      deleteRoleAssignment(ctx.db, assignment.id);
    })();
    return c.body(null, 204);
  });
};

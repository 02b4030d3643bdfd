import type { EmulatorContext } from "../context.js";
import {
  deleteRoleAssignment,
  findRoleAssignment,
  findSameRoleAssignment,
  insertRoleAssignment,
  ROLE_SCOPE_TYPES,
  type RoleAssignmentRecord,
  type RoleScopeType,
  roleScopeExists,
} from "../store/role-assignments.js";
import { requireUser } from "./directory-lookups.js";
import { DirectoryMessages } from "./directory-messages.js";
import { invalidData, orNotFound, requestFailed, uniquenessViolation } from "./errors.js";
import { findRoleById } from "./role-catalog.js";
import { assertValid, type JsonObject, type ObjectSpec } from "./validation.js";

const ASSIGNMENT_SPEC: ObjectSpec = {
  role: { kind: "object", fields: { id: { kind: "string", minLength: 1 } }, required: ["id"] },
  scope: {
    kind: "object",
    fields: { id: { kind: "string", minLength: 1 }, type: { kind: "string", allowed: ROLE_SCOPE_TYPES } },
    required: ["id", "type"],
  },
  id: { kind: "readOnly" },
  environment: { kind: "readOnly" },
  readOnly: { kind: "readOnly" },
  _links: { kind: "readOnly" },
};

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
  if (!roleScopeExists(ctx.db, environmentId, scope.type, scope.id)) {
    throw invalidData([
      { code: "INVALID_VALUE", target: "scope.id", message: DirectoryMessages.unknownScope },
    ]);
  }
  const existing = findSameRoleAssignment(ctx.db, user.id, role.id, scope.type, scope.id);
  if (existing !== undefined) throw uniquenessViolation("role.id", existing);
  return insertRoleAssignment(
    ctx.db,
    { environmentId, userId: user.id, roleId: role.id, scopeId: scope.id, scopeType: scope.type, readOnly },
    ctx.clock.now(),
    id,
  );
}

/** One of the user's role assignments, or 404. */
export function requireRoleAssignment(
  ctx: EmulatorContext,
  environmentId: string,
  userId: string,
  assignmentId: string,
): RoleAssignmentRecord {
  const user = requireUser(ctx, environmentId, userId);
  return orNotFound(findRoleAssignment(ctx.db, user.id, assignmentId));
}

/** Revokes an assignment; a read-only one cannot be deleted. */
export function removeRoleAssignment(
  ctx: EmulatorContext,
  environmentId: string,
  userId: string,
  assignmentId: string,
): void {
  ctx.db.transaction(() => {
    const assignment = requireRoleAssignment(ctx, environmentId, userId, assignmentId);
    if (assignment.readOnly) throw requestFailed(DirectoryMessages.readOnlyRoleAssignment);
    deleteRoleAssignment(ctx.db, assignment.id);
  })();
}

import type { Context } from "hono";
import { toIsoTimestamp } from "../clock.js";
import { links } from "../http/hal.js";
import type { RoleAssignmentRecord } from "../store/role-assignments.js";
import { type Body, environmentPath, userPath } from "./paths.js";

/** A role granted at a scope; `embeddedRole` for `expand=role`. */
export function toRoleAssignmentResource(
  c: Context,
  assignment: RoleAssignmentRecord,
  embeddedRole?: Body,
): Body {
  const user = userPath(assignment.environmentId, assignment.userId);
  const body: Body = {
    _links: links(c, {
      self: `${user}/roleAssignments/${assignment.id}`,
      user,
      environment: environmentPath(assignment.environmentId),
      role: `/roles/${assignment.roleId}`,
    }),
    id: assignment.id,
    role: { id: assignment.roleId },
    scope: { id: assignment.scopeId, type: assignment.scopeType },
    environment: { id: assignment.environmentId },
    readOnly: assignment.readOnly,
    createdAt: toIsoTimestamp(assignment.createdAt),
  };
  if (embeddedRole !== undefined) body._embedded = { role: embeddedRole };
  return body;
}

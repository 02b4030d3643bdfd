import type { EmulatorDatabase } from "./database.js";

/** The scope a role assignment applies to (community spec `EnumRoleAssignmentScopeType`). */
export type RoleScopeType = "ORGANIZATION" | "ENVIRONMENT" | "POPULATION" | "APPLICATION";

export const ROLE_SCOPE_TYPES: readonly RoleScopeType[] = [
  "ORGANIZATION",
  "ENVIRONMENT",
  "POPULATION",
  "APPLICATION",
];

/** A role granted to a user at a scope (docs/emulator.md#role-assignments). */
export interface RoleAssignmentRecord {
  id: string;
  environmentId: string;
  userId: string;
  roleId: string;
  scopeId: string;
  scopeType: RoleScopeType;
  /** True for assignments the caller may not delete (seeded as such). */
  readOnly: boolean;
  createdAt: number;
}

interface RoleAssignmentRow {
  id: string;
  environment_id: string;
  user_id: string;
  role_id: string;
  scope_id: string;
  scope_type: RoleScopeType;
  read_only: number;
  created_at: number;
}

function toRecord(row: RoleAssignmentRow): RoleAssignmentRecord {
  return {
    id: row.id,
    environmentId: row.environment_id,
    userId: row.user_id,
    roleId: row.role_id,
    scopeId: row.scope_id,
    scopeType: row.scope_type,
    readOnly: row.read_only === 1,
    createdAt: row.created_at,
  };
}

export function insertRoleAssignment(
  db: EmulatorDatabase,
  assignment: Omit<RoleAssignmentRecord, "id" | "createdAt">,
  now: number,
  id: string = crypto.randomUUID(),
): RoleAssignmentRecord {
  db.prepare(
    `INSERT INTO role_assignments (id, environment_id, user_id, role_id, scope_id, scope_type, read_only, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    assignment.environmentId,
    assignment.userId,
    assignment.roleId,
    assignment.scopeId,
    assignment.scopeType,
    assignment.readOnly ? 1 : 0,
    now,
  );
  return { id, ...assignment, createdAt: now };
}

/** The assignment that already grants this role at this scope, if any. */
export function findSameRoleAssignment(
  db: EmulatorDatabase,
  userId: string,
  roleId: string,
  scopeType: RoleScopeType,
  scopeId: string,
): string | undefined {
  return db
    .prepare(
      "SELECT id FROM role_assignments WHERE user_id = ? AND role_id = ? AND scope_type = ? AND scope_id = ?",
    )
    .pluck()
    .get(userId, roleId, scopeType, scopeId) as string | undefined;
}

export function findRoleAssignment(
  db: EmulatorDatabase,
  userId: string,
  assignmentId: string,
): RoleAssignmentRecord | undefined {
  const row = db
    .prepare("SELECT * FROM role_assignments WHERE id = ? AND user_id = ?")
    .get(assignmentId, userId) as RoleAssignmentRow | undefined;
  return row === undefined ? undefined : toRecord(row);
}

/** Whether `scopeId` names a resource of `scopeType` this environment can grant roles on. */
export function roleScopeExists(
  db: EmulatorDatabase,
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
  return db.prepare(queries[scopeType]).get(environmentId, scopeId) !== undefined;
}

export function deleteRoleAssignment(db: EmulatorDatabase, assignmentId: string): void {
  db.prepare("DELETE FROM role_assignments WHERE id = ?").run(assignmentId);
}

/** A user's role assignments in creation order, as a page at `offset`. */
export function listRoleAssignments(
  db: EmulatorDatabase,
  userId: string,
  options: { offset: number; limit: number },
): { roleAssignments: RoleAssignmentRecord[]; count: number } {
  const count = db
    .prepare("SELECT COUNT(*) FROM role_assignments WHERE user_id = ?")
    .pluck()
    .get(userId) as number;
  const rows = db
    .prepare("SELECT * FROM role_assignments WHERE user_id = ? ORDER BY seq LIMIT ? OFFSET ?")
    .all(userId, options.limit, options.offset) as RoleAssignmentRow[];
  return { roleAssignments: rows.map(toRecord), count };
}

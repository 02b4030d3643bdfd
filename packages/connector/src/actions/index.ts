import { UnknownActionError } from "./action-errors.js";
import type { ActionDefinition } from "./definition.js";
import { getAllEnvironments } from "./get-all-environments.js";
import { getAllGroupMembershipsForUser } from "./get-all-group-memberships-for-user.js";
import { getAllGroupNamesForUser } from "./get-all-group-names-for-user.js";
import { getAllSessions } from "./get-all-sessions.js";
import { getLinkedAccounts } from "./get-linked-accounts.js";
import { getRoleAssignments } from "./get-role-assignments.js";
import { getUserById } from "./get-user-by-id.js";
import { getUsers } from "./get-users.js";
import { userAccountLock } from "./user-account-lock.js";
import { userAccountUnlock } from "./user-account-unlock.js";

/** The ten Swimlane "PingOne Identity" actions, in the product page's order. */
export const ACTIONS: readonly ActionDefinition[] = [
  getAllEnvironments,
  getAllGroupMembershipsForUser,
  getAllGroupNamesForUser,
  getAllSessions,
  getLinkedAccounts,
  getRoleAssignments,
  getUserById,
  getUsers,
  userAccountLock,
  userAccountUnlock,
];

const byName = new Map(ACTIONS.map((action) => [action.name, action]));

/** The action with this snake_case name, or `undefined`. */
export function findAction(name: string): ActionDefinition | undefined {
  return byName.get(name);
}

/** The action with this name. @throws {UnknownActionError} naming the known ones. */
export function requireAction(name: string): ActionDefinition {
  const action = byName.get(name);
  if (action === undefined) throw new UnknownActionError(name, [...byName.keys()]);
  return action;
}

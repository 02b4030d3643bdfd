import type { EmulatorContext } from "../context.js";
import { findGroup, type GroupRecord } from "../store/groups.js";
import { findUserReference, type UserReference } from "../store/user-references.js";
import { orNotFound } from "./errors.js";

/** The user named in the path, or 404 NOT_FOUND (also for a user of another environment). */
export function requireUser(ctx: EmulatorContext, environmentId: string, userId: string): UserReference {
  return orNotFound(findUserReference(ctx.db, environmentId, userId));
}

/** The group named in the path, or 404 NOT_FOUND. */
export function requireGroup(ctx: EmulatorContext, environmentId: string, groupId: string): GroupRecord {
  return orNotFound(findGroup(ctx.db, environmentId, groupId));
}

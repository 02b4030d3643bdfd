import type { EmulatorContext } from "../context.js";
import { deleteSession, findSession, listSessions, type SessionRecord } from "../store/sessions.js";
import { requireUser } from "./directory-lookups.js";
import { orNotFound } from "./errors.js";

/** A user's sessions, newest first: at most 10 are kept, so the list is never paged. */
export function userSessions(ctx: EmulatorContext, environmentId: string, userId: string): SessionRecord[] {
  return listSessions(ctx.db, requireUser(ctx, environmentId, userId).id);
}

/** One of the user's sessions, or 404. */
export function requireSession(
  ctx: EmulatorContext,
  environmentId: string,
  userId: string,
  sessionId: string,
): SessionRecord {
  return orNotFound(findSession(ctx.db, requireUser(ctx, environmentId, userId).id, sessionId));
}

/** Ends a session (signs the user out of it). */
export function removeSession(
  ctx: EmulatorContext,
  environmentId: string,
  userId: string,
  sessionId: string,
): void {
  ctx.db.transaction(() => deleteSession(ctx.db, requireSession(ctx, environmentId, userId, sessionId).id))();
}

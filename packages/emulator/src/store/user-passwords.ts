import type { EmulatorDatabase } from "./database.js";
import { type UserColumnChanges, updateUserColumns } from "./users.js";

/**
 * Writes a user's password columns. `changedAt` is given for a real password change, which also bumps
 * the user's `updatedAt`; counters and flags (failures, lockout, must-change) leave it alone.
 */
export function writePasswordColumns(
  db: EmulatorDatabase,
  userId: string,
  columns: UserColumnChanges,
  changedAt: number | undefined,
): void {
  if (changedAt !== undefined) {
    updateUserColumns(db, userId, columns, changedAt);
    return;
  }
  const names = Object.keys(columns);
  db.prepare(`UPDATE users SET ${names.map((name) => `${name} = ?`).join(", ")} WHERE id = ?`).run(
    ...names.map((name) => columns[name as keyof UserColumnChanges]),
    userId,
  );
}

/** A successful password check is a sign-on: it sets the user's `lastSignOn.at`. */
export function recordSignOn(db: EmulatorDatabase, userId: string, now: number): void {
  db.prepare("UPDATE users SET last_sign_on_at = ? WHERE id = ?").run(now, userId);
}

import type { PasswordHistoryEntry } from "../domain/password-history.js";
import type { PasswordRecord, PasswordStatus } from "../domain/password-state.js";
import type { EmulatorDatabase } from "./database.js";
import { type UserColumnChanges, type UserRow, updateUserColumns } from "./users.js";

/** The password columns of a users row as the password state machine sees them. */
export function passwordRecordOf(row: UserRow): PasswordRecord {
  return {
    hash: row.password_hash,
    status: row.password_status as PasswordStatus,
    lastChangedAt: row.password_last_changed_at,
    failureCount: row.password_failure_count,
    lockedOutUntil: row.password_locked_out_until,
    history: JSON.parse(row.password_history) as PasswordHistoryEntry[],
    mustChange: row.password_must_change === 1,
    externalGateway:
      row.password_external_gateway === null ? null : JSON.parse(row.password_external_gateway),
  };
}

/** The column values that store a password record (every password column, so none goes stale). */
export function passwordColumnsOf(record: PasswordRecord): UserColumnChanges {
  return {
    password_hash: record.hash,
    password_status: record.status,
    password_last_changed_at: record.lastChangedAt,
    password_failure_count: record.failureCount,
    password_locked_out_until: record.lockedOutUntil,
    password_history: JSON.stringify(record.history),
    password_must_change: record.mustChange ? 1 : 0,
    password_external_gateway:
      record.externalGateway === null ? null : JSON.stringify(record.externalGateway),
  };
}

/**
 * Writes a password record. `changedAt` is given for a real password change, which also bumps the
 * user's `updatedAt`; counters and flags (failures, lockout, must-change) leave it alone.
 */
export function savePasswordRecord(
  db: EmulatorDatabase,
  userId: string,
  record: PasswordRecord,
  changedAt: number | undefined,
): void {
  const columns = passwordColumnsOf(record);
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

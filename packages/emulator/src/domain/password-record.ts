import type { EmulatorDatabase } from "../store/database.js";
import { writePasswordColumns } from "../store/user-passwords.js";
import type { UserColumnChanges, UserRow } from "../store/users.js";
import type { PasswordHistoryEntry } from "./password-history.js";
import type { PasswordRecord, PasswordStatus } from "./password-state.js";

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

/** Stores a record; `changedAt` marks a real password change, which bumps the user's `updatedAt`. */
export function savePasswordRecord(
  db: EmulatorDatabase,
  userId: string,
  record: PasswordRecord,
  changedAt: number | undefined,
): void {
  writePasswordColumns(db, userId, passwordColumnsOf(record), changedAt);
}

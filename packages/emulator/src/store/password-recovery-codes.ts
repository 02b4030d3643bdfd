import type { EmulatorDatabase } from "./database.js";

/** A pending password recovery code, as stored with the user (a digest, never the code). */
export interface RecoveryCodeRecord {
  readonly digest: string;
  readonly expiresAt: number;
  readonly failures: number;
}

export function findRecoveryCode(db: EmulatorDatabase, userId: string): RecoveryCodeRecord | undefined {
  const row = db
    .prepare("SELECT digest, expires_at, failures FROM password_recovery_codes WHERE user_id = ?")
    .get(userId) as { digest: string; expires_at: number; failures: number } | undefined;
  return row === undefined
    ? undefined
    : { digest: row.digest, expiresAt: row.expires_at, failures: row.failures };
}

/** Stores the user's only pending code, replacing an older one (and its attempt count). */
export function saveRecoveryCode(db: EmulatorDatabase, userId: string, record: RecoveryCodeRecord): void {
  db.prepare(
    `INSERT INTO password_recovery_codes (user_id, digest, expires_at, failures) VALUES (?, ?, ?, ?)
     ON CONFLICT (user_id) DO UPDATE SET digest = excluded.digest, expires_at = excluded.expires_at,
       failures = excluded.failures`,
  ).run(userId, record.digest, record.expiresAt, record.failures);
}

export function deleteRecoveryCode(db: EmulatorDatabase, userId: string): void {
  db.prepare("DELETE FROM password_recovery_codes WHERE user_id = ?").run(userId);
}

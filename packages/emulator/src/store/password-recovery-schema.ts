import type { SchemaModule } from "./schema-module.js";

/**
 * Pending password recovery codes (docs/emulator.md#password-actions): at most one per user, replaced by each
 * send. Only the code's digest is kept; `failures` counts wrong codes toward the limit of five.
 */
export const passwordRecoverySchema: SchemaModule = {
  name: "password-recovery-v1",
  statements: [
    `CREATE TABLE password_recovery_codes (
      user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
      digest TEXT NOT NULL,
      expires_at INTEGER NOT NULL,
      failures INTEGER NOT NULL DEFAULT 0
    )`,
  ],
};

import type { SchemaModule } from "./schema-module.js";

/**
 * Agreements, their languages and revisions, and users' consents (docs/emulator-agreements.md). Each row
 * hangs off its environment and parent with ON DELETE CASCADE, so deleting an agreement, a language or a
 * user removes what depends on it. Timestamps are epoch ms on the emulator clock.
 */
export const agreementsSchema: SchemaModule = {
  name: "agreements-v1",
  statements: [
    // reconsent_period_days NULL = consents never expire.
    `CREATE TABLE agreements (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      environment_id TEXT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      description TEXT,
      enabled INTEGER NOT NULL,
      reconsent_period_days REAL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    )`,
    "CREATE UNIQUE INDEX agreements_unique_name ON agreements (environment_id, name COLLATE NOCASE)",
    // user_experience: JSON {acceptCheckboxText?, continueButtonText?, declineButtonText?} or NULL.
    `CREATE TABLE agreement_languages (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      environment_id TEXT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
      agreement_id TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
      locale TEXT NOT NULL,
      display_name TEXT NOT NULL,
      enabled INTEGER NOT NULL,
      user_experience TEXT,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    )`,
    "CREATE UNIQUE INDEX agreement_languages_unique_locale ON agreement_languages (agreement_id, locale COLLATE NOCASE)",
    // Revisions are immutable once created; text is served only behind the revision's `text` link.
    `CREATE TABLE agreement_revisions (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      environment_id TEXT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
      agreement_id TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
      language_id TEXT NOT NULL REFERENCES agreement_languages(id) ON DELETE CASCADE,
      content_type TEXT NOT NULL,
      text TEXT NOT NULL,
      effective_at INTEGER NOT NULL,
      require_reconsent INTEGER NOT NULL,
      created_at INTEGER NOT NULL
    )`,
    "CREATE UNIQUE INDEX agreement_revisions_unique_effective ON agreement_revisions (language_id, effective_at)",
    // The latest consent of a user to an agreement (PingOne keeps only that one readable). A new accept
    // replaces the row with a fresh id; a revoke sets revoked_at. expires_at NULL = never expires.
    `CREATE TABLE agreement_consents (
      id TEXT NOT NULL UNIQUE,
      environment_id TEXT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
      user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      agreement_id TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
      language_id TEXT NOT NULL REFERENCES agreement_languages(id) ON DELETE CASCADE,
      revision_id TEXT NOT NULL REFERENCES agreement_revisions(id) ON DELETE CASCADE,
      consented_at INTEGER NOT NULL,
      expires_at INTEGER,
      revoked_at INTEGER,
      updated_at INTEGER NOT NULL,
      PRIMARY KEY (user_id, agreement_id)
    ) WITHOUT ROWID`,
    "CREATE INDEX agreement_consents_by_agreement ON agreement_consents (agreement_id)",
  ],
};

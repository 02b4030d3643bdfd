import type { SchemaModule } from "./schema-module.js";

/**
 * Users (docs/emulator.md#users, docs/emulator.md#password-state). One row per user; every filterable
 * attribute has its own column so SCIM filters compile to indexed SQL (see USER_ATTRIBUTE_COLUMNS). `seq` is
 * the rowid: list pages are keyset-paged on it, which stays fast at a million users.
 *
 * Password columns (owned by the password engine, src/domain/password-*.ts):
 * - password_hash: scheme-prefixed hash (`{SCRYPT}…`, `{BCRYPT}…`, …); NULL when the user has none.
 * - password_status: OK | NO_PASSWORD | PASSWORD_EXPIRED | PASSWORD_LOCKED_OUT | MUST_CHANGE_PASSWORD |
 * EXTERNAL.   Stored so that statuses set by an action survive; lockout expiry is evaluated against the
 * clock.
 * - password_last_changed_at: epoch ms of the last set/change; NULL without a password.
 * - password_failure_count: consecutive failed checks counted toward the policy's lockout.
 * - password_locked_out_until: epoch ms when a password lockout ends (NULL = not locked out).
 * - password_history: JSON array of `{ "hash": "…", "changedAt": <epoch ms> }`, newest first.
 * - password_must_change: 1 after an admin set with forceChange or a password.forceChange.
 * - password_external_gateway: the `password.external.gateway` object (JSON) of import/set, or NULL.
 *
 * Account and lifecycle columns (owned by the user actions): account_status OK | LOCKED,
 * account_locked_at / account_unlock_at (epoch ms), lifecycle_status ACCOUNT_OK | VERIFICATION_REQUIRED,
 * verification_code (the SHA-256 digest of the latest code, never the code) with the address it was sent
 * to, custom_attributes (JSON object of the
 * environment's declared custom attributes).
 */
export const usersSchema: SchemaModule = {
  name: "users-v1",
  statements: [
    `CREATE TABLE users (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      environment_id TEXT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
      population_id TEXT NOT NULL REFERENCES populations(id),
      username TEXT NOT NULL,
      email TEXT,
      name_given TEXT,
      name_family TEXT,
      name_middle TEXT,
      name_formatted TEXT,
      name_honorific_prefix TEXT,
      name_honorific_suffix TEXT,
      external_id TEXT,
      account_id TEXT,
      type TEXT,
      title TEXT,
      nickname TEXT,
      locale TEXT,
      preferred_language TEXT,
      timezone TEXT,
      primary_phone TEXT,
      mobile_phone TEXT,
      address_street_address TEXT,
      address_locality TEXT,
      address_region TEXT,
      address_postal_code TEXT,
      address_country_code TEXT,
      photo_href TEXT,
      custom_attributes TEXT NOT NULL DEFAULT '{}',
      enabled INTEGER NOT NULL DEFAULT 1,
      mfa_enabled INTEGER NOT NULL DEFAULT 0,
      email_verified INTEGER NOT NULL DEFAULT 0,
      identity_provider_id TEXT,
      identity_provider_type TEXT NOT NULL DEFAULT 'PING_ONE',
      lifecycle_status TEXT NOT NULL DEFAULT 'ACCOUNT_OK',
      account_status TEXT NOT NULL DEFAULT 'OK',
      account_locked_at INTEGER,
      account_unlock_at INTEGER,
      verification_code TEXT,
      verification_code_email TEXT,
      last_sign_on_at INTEGER,
      last_sign_on_remote_ip TEXT,
      password_hash TEXT,
      password_status TEXT NOT NULL DEFAULT 'NO_PASSWORD',
      password_last_changed_at INTEGER,
      password_failure_count INTEGER NOT NULL DEFAULT 0,
      password_locked_out_until INTEGER,
      password_history TEXT NOT NULL DEFAULT '[]',
      password_must_change INTEGER NOT NULL DEFAULT 0,
      password_external_gateway TEXT,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    )`,
    // Usernames are unique per environment regardless of case; the index also serves `username eq`.
    "CREATE UNIQUE INDEX users_unique_username ON users (environment_id, username COLLATE NOCASE)",
    "CREATE INDEX users_by_environment ON users (environment_id)",
    "CREATE INDEX users_by_email ON users (environment_id, email COLLATE NOCASE)",
    "CREATE INDEX users_by_population ON users (population_id)",
  ],
};

/** SCIM attribute path → users column, for the filter compiler and for sorting out read/write. */
export const USER_ATTRIBUTE_COLUMNS: Readonly<Record<string, string>> = {
  id: "id",
  username: "username",
  email: "email",
  "name.given": "name_given",
  "name.family": "name_family",
  "name.middle": "name_middle",
  "name.formatted": "name_formatted",
  "name.honorificPrefix": "name_honorific_prefix",
  "name.honorificSuffix": "name_honorific_suffix",
  externalId: "external_id",
  accountId: "account_id",
  type: "type",
  title: "title",
  nickname: "nickname",
  locale: "locale",
  preferredLanguage: "preferred_language",
  timezone: "timezone",
  primaryPhone: "primary_phone",
  mobilePhone: "mobile_phone",
  "address.streetAddress": "address_street_address",
  "address.locality": "address_locality",
  "address.region": "address_region",
  "address.postalCode": "address_postal_code",
  "address.countryCode": "address_country_code",
  "photo.href": "photo_href",
  "population.id": "population_id",
  enabled: "enabled",
  "lifecycle.status": "lifecycle_status",
};

import type { SchemaModule } from "./schema-module.js";

/**
 * Organisation, environments, worker applications, access tokens, populations and password policies.
 * Timestamps are epoch milliseconds on the emulator clock; JSON columns hold documents PingOne returns
 * as nested objects.
 */
export const coreSchema: SchemaModule = {
  name: "core-v1",
  statements: [
    `CREATE TABLE organizations (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      license_id TEXT NOT NULL,
      created_at INTEGER NOT NULL
    )`,
    // custom_user_attributes: JSON array of the custom attribute names the environment's user schema
    // declares; only these may appear as extra top-level keys on a user.
    `CREATE TABLE environments (
      id TEXT PRIMARY KEY,
      organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      description TEXT,
      type TEXT NOT NULL DEFAULT 'SANDBOX',
      region TEXT NOT NULL DEFAULT 'NA',
      status TEXT NOT NULL DEFAULT 'ACTIVE',
      license_id TEXT NOT NULL,
      custom_user_attributes TEXT NOT NULL DEFAULT '[]',
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    )`,
    "CREATE INDEX environments_by_name ON environments (name COLLATE NOCASE)",
    // Worker applications. client_id is the application id, as in PingOne. The secret is kept in clear
    // because the back door and `--demo` must be able to print it again; this is an emulator.
    // roles: JSON array of role names ("Environment Admin", "Identity Data Admin", "Organization Admin").
    `CREATE TABLE applications (
      id TEXT PRIMARY KEY,
      environment_id TEXT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      client_secret TEXT NOT NULL,
      token_auth_method TEXT NOT NULL CHECK (token_auth_method IN ('CLIENT_SECRET_BASIC', 'CLIENT_SECRET_POST')),
      roles TEXT NOT NULL DEFAULT '[]',
      created_at INTEGER NOT NULL
    )`,
    // Access tokens are looked up by the SHA-256 of the bearer value, never stored in clear.
    `CREATE TABLE tokens (
      token_hash TEXT PRIMARY KEY,
      environment_id TEXT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
      application_id TEXT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
      issued_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL
    )`,
    // policy: the PasswordPolicy document of docs/emulator.md#password-policies (everything but id,
    // environment, name, description, default and timestamps), evaluated by src/domain/password-*.ts.
    `CREATE TABLE password_policies (
      id TEXT PRIMARY KEY,
      environment_id TEXT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      description TEXT,
      is_default INTEGER NOT NULL DEFAULT 0,
      policy TEXT NOT NULL DEFAULT '{}',
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    )`,
    "CREATE UNIQUE INDEX password_policies_one_default ON password_policies (environment_id) WHERE is_default = 1",
    // alternative_identifiers: JSON array of strings. password_policy_id NULL = the environment default.
    `CREATE TABLE populations (
      id TEXT PRIMARY KEY,
      environment_id TEXT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      description TEXT,
      is_default INTEGER NOT NULL DEFAULT 0,
      alternative_identifiers TEXT NOT NULL DEFAULT '[]',
      password_policy_id TEXT REFERENCES password_policies(id) ON DELETE SET NULL,
      theme_id TEXT,
      preferred_language TEXT,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    )`,
    "CREATE UNIQUE INDEX populations_unique_name ON populations (environment_id, name COLLATE NOCASE)",
    "CREATE UNIQUE INDEX populations_one_default ON populations (environment_id) WHERE is_default = 1",
  ],
};

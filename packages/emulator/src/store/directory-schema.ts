import type { SchemaModule } from "./schema-module.js";

/**
 * Groups, memberships, identity providers, linked accounts, sessions and user role assignments
 * (docs/emulator.md#groups, docs/emulator.md#linked-accounts, docs/emulator.md#role-assignments). Every row
 * hangs off its environment and, where it belongs to a user or group, off that row with ON DELETE CASCADE:
 * deleting a user or group removes its memberships, links, sessions and role assignments in the same
 * statement. Timestamps are epoch ms on the emulator clock.
 */
export const directorySchema: SchemaModule = {
  name: "directory-v1",
  statements: [
    // population_id NULL = an environment-level group. user_filter (a SCIM users filter) makes the group
    // dynamic: its members are computed, never stored. custom_data is a free JSON object.
    `CREATE TABLE groups (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      environment_id TEXT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
      population_id TEXT REFERENCES populations(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      description TEXT,
      user_filter TEXT,
      external_id TEXT,
      custom_data TEXT,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    )`,
    "CREATE INDEX groups_by_name ON groups (environment_id, name COLLATE NOCASE)",
    "CREATE INDEX groups_by_external_id ON groups (environment_id, external_id)",
    "CREATE INDEX groups_dynamic ON groups (environment_id) WHERE user_filter IS NOT NULL",
    // Direct (stored) memberships of users in groups; INDIRECT ones are derived from user_filter and nesting.
    `CREATE TABLE group_memberships (
      user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
      created_at INTEGER NOT NULL,
      PRIMARY KEY (user_id, group_id)
    ) WITHOUT ROWID`,
    "CREATE INDEX group_memberships_by_group ON group_memberships (group_id, user_id)",
    // Group nesting: group_id is a member of parent_group_id (P/groups/{id}/memberOfGroups).
    `CREATE TABLE group_nestings (
      group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
      parent_group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
      created_at INTEGER NOT NULL,
      PRIMARY KEY (group_id, parent_group_id)
    ) WITHOUT ROWID`,
    "CREATE INDEX group_nestings_by_parent ON group_nestings (parent_group_id, group_id)",
    // settings: the type-specific fields of the provider (clientId, issuer, idpEntityId, ...) as JSON.
    `CREATE TABLE identity_providers (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      environment_id TEXT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
      type TEXT NOT NULL,
      name TEXT NOT NULL,
      description TEXT,
      enabled INTEGER NOT NULL,
      registration_population_id TEXT REFERENCES populations(id) ON DELETE SET NULL,
      settings TEXT NOT NULL DEFAULT '{}',
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    )`,
    "CREATE UNIQUE INDEX identity_providers_unique_name ON identity_providers (environment_id, name COLLATE NOCASE)",
    // attributes: the `attributes` object of account.link+json ({"<attr>": {"value", "update"}}).
    `CREATE TABLE linked_accounts (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      environment_id TEXT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
      user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      identity_provider_id TEXT NOT NULL REFERENCES identity_providers(id) ON DELETE CASCADE,
      external_id TEXT NOT NULL,
      attributes TEXT,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    )`,
    "CREATE UNIQUE INDEX linked_accounts_unique_external ON linked_accounts (identity_provider_id, external_id)",
    "CREATE INDEX linked_accounts_by_user ON linked_accounts (user_id)",
    // locations: JSON array (newest first, at most 5); browser / operating_system: JSON {name, version}.
    `CREATE TABLE sessions (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      environment_id TEXT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
      user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      created_at INTEGER NOT NULL,
      active_at INTEGER NOT NULL,
      last_sign_on_at INTEGER NOT NULL,
      last_sign_on_remote_ip TEXT,
      locations TEXT NOT NULL DEFAULT '[]',
      browser TEXT,
      operating_system TEXT,
      device_type TEXT,
      user_agent TEXT
    )`,
    "CREATE INDEX sessions_by_user ON sessions (user_id, created_at DESC, seq DESC)",
    // role_id identifies a role of the built-in catalog (src/domain/role-catalog.ts).
    `CREATE TABLE role_assignments (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      environment_id TEXT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
      user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      role_id TEXT NOT NULL,
      scope_id TEXT NOT NULL,
      scope_type TEXT NOT NULL CHECK (scope_type IN ('ORGANIZATION', 'ENVIRONMENT', 'POPULATION', 'APPLICATION')),
      read_only INTEGER NOT NULL DEFAULT 0,
      created_at INTEGER NOT NULL
    )`,
    "CREATE UNIQUE INDEX role_assignments_unique ON role_assignments (user_id, role_id, scope_type, scope_id)",
  ],
};

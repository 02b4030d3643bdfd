import type { SchemaModule } from "./schema-module.js";

/**
 * LDAP gateways and their user types (docs/emulator-gateways.md). A gateway keeps its returned
 * settings (vendor, servers, bind DN, connection security, user types, …) as one JSON document, and
 * its write-only secrets apart, so that no representation can return them by accident.
 */
export const gatewaysSchema: SchemaModule = {
  name: "gateways-v1",
  statements: [
    // settings: JSON of the type-specific attributes PingOne returns (userTypes included).
    // secrets: JSON of the write-only ones (bindPassword, kerberos.serviceAccountPassword).
    `CREATE TABLE gateways (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      environment_id TEXT NOT NULL REFERENCES environments(id) ON DELETE CASCADE,
      type TEXT NOT NULL,
      name TEXT NOT NULL,
      description TEXT,
      enabled INTEGER NOT NULL,
      settings TEXT NOT NULL,
      secrets TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    )`,
    "CREATE UNIQUE INDEX gateways_unique_name ON gateways (environment_id, name COLLATE NOCASE)",
  ],
};

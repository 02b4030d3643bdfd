import type Database from "better-sqlite3";
import { agreementsSchema } from "./agreements-schema.js";
import { brandingSchema } from "./branding-schema.js";
import { coreSchema } from "./core-schema.js";
import { directorySchema } from "./directory-schema.js";
import { gatewaysSchema } from "./gateways-schema.js";
import { outboxSchema } from "./outbox-schema.js";
import { passwordRecoverySchema } from "./password-recovery-schema.js";
import type { SchemaModule } from "./schema-module.js";
import { userCountsRemoval } from "./user-counts-schema.js";
import { usersSchema } from "./users-schema.js";

/** Every schema module in dependency order. Add one line per feature. */
export const schemaModules: readonly SchemaModule[] = [
  coreSchema,
  usersSchema,
  outboxSchema,
  directorySchema,
  passwordRecoverySchema,
  userCountsRemoval,
  agreementsSchema,
  brandingSchema,
  gatewaysSchema,
];

export function applySchemaModules(db: Database.Database): void {
  db.exec("CREATE TABLE IF NOT EXISTS schema_modules (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)");
  const applied = new Set(db.prepare("SELECT name FROM schema_modules").pluck().all() as string[]);
  const record = db.prepare("INSERT INTO schema_modules (name, applied_at) VALUES (?, ?)");
  db.transaction(() => {
    for (const module of schemaModules) {
      if (applied.has(module.name)) continue;
      for (const statement of module.statements) db.exec(statement);
      record.run(module.name, Date.now());
    }
  })();
}

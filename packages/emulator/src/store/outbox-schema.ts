import type { SchemaModule } from "./schema-module.js";

/** Every email PingOne would have sent, readable only through the back door. */
export const outboxSchema: SchemaModule = {
  name: "outbox-v1",
  statements: [
    `CREATE TABLE outbox_messages (
      seq INTEGER PRIMARY KEY,
      environment_id TEXT NOT NULL,
      user_id TEXT,
      type TEXT NOT NULL,
      to_address TEXT NOT NULL,
      subject TEXT NOT NULL,
      code TEXT,
      template TEXT,
      locale TEXT,
      variables TEXT NOT NULL DEFAULT '{}',
      created_at INTEGER NOT NULL
    )`,
    "CREATE INDEX outbox_by_user ON outbox_messages (environment_id, user_id)",
  ],
};

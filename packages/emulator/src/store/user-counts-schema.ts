import type { SchemaModule } from "./migrations.js";

/**
 * The number of users per environment, kept by triggers, so an unfiltered users page reports `count`
 * without scanning a million index entries on every request.
 */
export const userCountsSchema: SchemaModule = {
  name: "user-counts-v1",
  statements: [
    `CREATE TABLE environment_user_counts (
      environment_id TEXT PRIMARY KEY REFERENCES environments(id) ON DELETE CASCADE,
      user_count INTEGER NOT NULL
    )`,
    `INSERT INTO environment_user_counts (environment_id, user_count)
       SELECT environment_id, COUNT(*) FROM users GROUP BY environment_id`,
    `CREATE TRIGGER users_counted_on_insert AFTER INSERT ON users BEGIN
       INSERT INTO environment_user_counts (environment_id, user_count) VALUES (NEW.environment_id, 1)
         ON CONFLICT (environment_id) DO UPDATE SET user_count = user_count + 1;
     END`,
    `CREATE TRIGGER users_counted_on_delete AFTER DELETE ON users BEGIN
       UPDATE environment_user_counts SET user_count = user_count - 1 WHERE environment_id = OLD.environment_id;
     END`,
  ],
};

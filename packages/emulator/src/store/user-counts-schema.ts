import type { SchemaModule } from "./schema-module.js";

/**
 * Removes the trigger-kept user counts an earlier build created ("user-counts-v1"): the triggers tripled
 * the cost of every user insert (a 1M-user seed took 45 s instead of 32 s). Counts are now computed
 * and cached until the next write (src/store/cached-count.ts). A no-op on new databases.
 */
export const userCountsRemoval: SchemaModule = {
  name: "user-counts-v2-removed",
  statements: [
    "DROP TRIGGER IF EXISTS users_counted_on_insert",
    "DROP TRIGGER IF EXISTS users_counted_on_delete",
    "DROP TABLE IF EXISTS environment_user_counts",
  ],
};

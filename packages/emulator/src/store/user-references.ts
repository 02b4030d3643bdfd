import type { EmulatorDatabase } from "./database.js";

/** What the directory resources hanging off a user (memberships, links, sessions, roles) need to know of it. */
export interface UserReference {
  id: string;
  environmentId: string;
  populationId: string;
}

export function findUserReference(
  db: EmulatorDatabase,
  environmentId: string,
  userId: string,
): UserReference | undefined {
  return db
    .prepare(
      "SELECT id, environment_id AS environmentId, population_id AS populationId FROM users WHERE id = ? AND environment_id = ?",
    )
    .get(userId, environmentId) as UserReference | undefined;
}

import { ownValue } from "../own-value.js";
import type { FilterSqlResolver, SqlFragment } from "../scim/filter-sql.js";
import { cachedStatement, type EmulatorDatabase } from "./database.js";
import { type KeysetPage, keysetPage, scopedCondition } from "./keyset-page.js";
import { USER_ATTRIBUTE_COLUMNS } from "./users-schema.js";

/** A users row exactly as stored (see users-schema.ts for the meaning of each column). */
export interface UserRow {
  seq: number;
  id: string;
  environment_id: string;
  population_id: string;
  username: string;
  email: string | null;
  name_given: string | null;
  name_family: string | null;
  name_middle: string | null;
  name_formatted: string | null;
  name_honorific_prefix: string | null;
  name_honorific_suffix: string | null;
  external_id: string | null;
  account_id: string | null;
  type: string | null;
  title: string | null;
  nickname: string | null;
  locale: string | null;
  preferred_language: string | null;
  timezone: string | null;
  primary_phone: string | null;
  mobile_phone: string | null;
  address_street_address: string | null;
  address_locality: string | null;
  address_region: string | null;
  address_postal_code: string | null;
  address_country_code: string | null;
  photo_href: string | null;
  custom_attributes: string;
  enabled: number;
  mfa_enabled: number;
  email_verified: number;
  identity_provider_id: string | null;
  identity_provider_type: string;
  lifecycle_status: string;
  account_status: string;
  account_locked_at: number | null;
  account_unlock_at: number | null;
  verification_code: string | null;
  verification_code_email: string | null;
  last_sign_on_at: number | null;
  last_sign_on_remote_ip: string | null;
  password_hash: string | null;
  password_status: string;
  password_last_changed_at: number | null;
  password_failure_count: number;
  password_locked_out_until: number | null;
  password_history: string;
  password_must_change: number;
  password_external_gateway: string | null;
  created_at: number;
  updated_at: number;
}

/** Columns a create may set; the rest take their defaults. */
export type NewUserColumns = Partial<Omit<UserRow, "seq" | "created_at" | "updated_at">> &
  Pick<UserRow, "id" | "environment_id" | "population_id" | "username">;

/** Writable columns of an update (never id, environment, seq, created_at). */
export type UserColumnChanges = Partial<
  Omit<UserRow, "seq" | "id" | "environment_id" | "created_at" | "updated_at">
>;

const COLUMN_NAME = /^[a-z_]+$/;

function assertColumnNames(names: readonly string[]): void {
  for (const name of names) {
    if (!COLUMN_NAME.test(name)) throw new Error(`Not a users column: ${name}`);
  }
}

export function insertUser(db: EmulatorDatabase, columns: NewUserColumns, now: number): void {
  const names = Object.keys(columns).filter((name) => columns[name as keyof NewUserColumns] !== undefined);
  assertColumnNames(names);
  const values = names.map((name) => columns[name as keyof NewUserColumns]);
  db.prepare(
    `INSERT INTO users (${names.join(", ")}, created_at, updated_at) VALUES (${names.map(() => "?").join(", ")}, ?, ?)`,
  ).run(...values, now, now);
}

/** Writes the given columns and bumps updated_at. */
export function updateUserColumns(
  db: EmulatorDatabase,
  userId: string,
  changes: UserColumnChanges,
  now: number,
): void {
  const names = Object.keys(changes).filter((name) => changes[name as keyof UserColumnChanges] !== undefined);
  assertColumnNames(names);
  const assignments = [...names.map((name) => `${name} = ?`), "updated_at = ?"];
  const values = names.map((name) => changes[name as keyof UserColumnChanges]);
  db.prepare(`UPDATE users SET ${assignments.join(", ")} WHERE id = ?`).run(...values, now, userId);
}

export function findUser(db: EmulatorDatabase, environmentId: string, userId: string): UserRow | undefined {
  return cachedStatement(db, "SELECT * FROM users WHERE id = ? AND environment_id = ?").get(
    userId,
    environmentId,
  ) as UserRow | undefined;
}

/** The user holding this username in the environment, compared without case (the uniqueness rule). */
export function findUserIdByUsername(
  db: EmulatorDatabase,
  environmentId: string,
  username: string,
): string | undefined {
  return db
    .prepare("SELECT id FROM users WHERE environment_id = ? AND username = ? COLLATE NOCASE")
    .pluck()
    .get(environmentId, username) as string | undefined;
}

export function deleteUser(db: EmulatorDatabase, userId: string): void {
  db.prepare("DELETE FROM users WHERE id = ?").run(userId);
}

/**
 * Where a users filter finds each attribute on the users table named `userTable`: its column, or the
 * environment's custom attribute inside `custom_attributes`.
 */
export function userFilterColumn(userTable: string): FilterSqlResolver["column"] {
  return (attribute) => {
    const column = ownValue(USER_ATTRIBUTE_COLUMNS, attribute);
    if (column !== undefined) return { sql: `${userTable}.${column}`, params: [] };
    return { sql: `json_extract(${userTable}.custom_attributes, ?)`, params: [`$."${attribute}"`] };
  };
}

/** One page of an environment's users in creation order; `filter` was compiled on the table `u`. */
export function listUsers(
  db: EmulatorDatabase,
  environmentId: string,
  filter: SqlFragment | undefined,
  page: { after: number; limit: number },
): KeysetPage<UserRow> {
  const where = scopedCondition({ sql: "u.environment_id = ?", params: [environmentId] }, filter);
  return keysetPage<UserRow>(db, { table: "users", alias: "u", key: "seq", where, ...page });
}

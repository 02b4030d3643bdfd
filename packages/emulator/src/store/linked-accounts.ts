import type { EmulatorDatabase } from "./database.js";

/** How a linked attribute is refreshed on sign-on through the provider (account.link+json). */
export interface LinkedAttribute {
  value: unknown;
  update?: "EMPTY_ONLY" | "ALWAYS";
}

/** A user's account at an external identity provider (docs/emulator.md#linked-accounts). */
export interface LinkedAccountRecord {
  id: string;
  environmentId: string;
  userId: string;
  identityProviderId: string;
  externalId: string;
  attributes: Record<string, LinkedAttribute> | null;
  createdAt: number;
  updatedAt: number;
}

interface LinkedAccountRow {
  id: string;
  environment_id: string;
  user_id: string;
  identity_provider_id: string;
  external_id: string;
  attributes: string | null;
  created_at: number;
  updated_at: number;
}

function toRecord(row: LinkedAccountRow): LinkedAccountRecord {
  return {
    id: row.id,
    environmentId: row.environment_id,
    userId: row.user_id,
    identityProviderId: row.identity_provider_id,
    externalId: row.external_id,
    attributes:
      row.attributes === null ? null : (JSON.parse(row.attributes) as Record<string, LinkedAttribute>),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function findLinkedAccount(
  db: EmulatorDatabase,
  userId: string,
  linkId: string,
): LinkedAccountRecord | undefined {
  const row = db.prepare("SELECT * FROM linked_accounts WHERE id = ? AND user_id = ?").get(linkId, userId) as
    | LinkedAccountRow
    | undefined;
  return row === undefined ? undefined : toRecord(row);
}

/** The link that already holds (provider, externalId), which PingOne allows only once. */
export function findLinkByExternalId(
  db: EmulatorDatabase,
  identityProviderId: string,
  externalId: string,
): string | undefined {
  return db
    .prepare("SELECT id FROM linked_accounts WHERE identity_provider_id = ? AND external_id = ?")
    .pluck()
    .get(identityProviderId, externalId) as string | undefined;
}

export function insertLinkedAccount(
  db: EmulatorDatabase,
  link: Omit<LinkedAccountRecord, "id" | "createdAt" | "updatedAt">,
  now: number,
  id: string = crypto.randomUUID(),
): LinkedAccountRecord {
  db.prepare(
    `INSERT INTO linked_accounts (id, environment_id, user_id, identity_provider_id, external_id, attributes,
       created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    link.environmentId,
    link.userId,
    link.identityProviderId,
    link.externalId,
    link.attributes === null ? null : JSON.stringify(link.attributes),
    now,
    now,
  );
  return { id, ...link, createdAt: now, updatedAt: now };
}

export function deleteLinkedAccount(db: EmulatorDatabase, linkId: string): void {
  db.prepare("DELETE FROM linked_accounts WHERE id = ?").run(linkId);
}

/** A user's links in creation order, as a page at `offset`. */
export function listLinkedAccounts(
  db: EmulatorDatabase,
  userId: string,
  options: { offset: number; limit: number },
): { linkedAccounts: LinkedAccountRecord[]; count: number } {
  const count = db
    .prepare("SELECT COUNT(*) FROM linked_accounts WHERE user_id = ?")
    .pluck()
    .get(userId) as number;
  const rows = db
    .prepare("SELECT * FROM linked_accounts WHERE user_id = ? ORDER BY seq LIMIT ? OFFSET ?")
    .all(userId, options.limit, options.offset) as LinkedAccountRow[];
  return { linkedAccounts: rows.map(toRecord), count };
}

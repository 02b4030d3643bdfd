import { toIsoTimestamp } from "../clock.js";
import type { EmulatorDatabase } from "./database.js";

/** An email PingOne would have sent. `code` carries verification and recovery codes. */
export interface OutboxMessageInput {
  type: string;
  environmentId: string;
  userId?: string;
  to: string;
  subject: string;
  code?: string;
  template?: string;
  locale?: string;
  variables?: Record<string, unknown>;
  /** Epoch ms on the emulator clock. */
  createdAt: number;
}

export interface OutboxMessage {
  type: string;
  environmentId: string;
  userId?: string;
  to: string;
  code?: string;
  subject: string;
  template?: string;
  locale?: string;
  variables: Record<string, unknown>;
  createdAt: string;
}

/** Appends a message; call it inside the request's write transaction so it commits with the change. */
export function appendOutboxMessage(db: EmulatorDatabase, message: OutboxMessageInput): void {
  db.prepare(
    `INSERT INTO outbox_messages (environment_id, user_id, type, to_address, subject, code, template, locale, variables, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    message.environmentId,
    message.userId ?? null,
    message.type,
    message.to,
    message.subject,
    message.code ?? null,
    message.template ?? null,
    message.locale ?? null,
    JSON.stringify(message.variables ?? {}),
    message.createdAt,
  );
}

/** Messages matching every given filter, oldest first. */
export function listOutboxMessages(
  db: EmulatorDatabase,
  filter: { environmentId?: string; userId?: string; type?: string },
): OutboxMessage[] {
  const rows = db
    .prepare(
      `SELECT environment_id, user_id, type, to_address, subject, code, template, locale, variables, created_at
         FROM outbox_messages
        WHERE (@environmentId IS NULL OR environment_id = @environmentId)
          AND (@userId IS NULL OR user_id = @userId)
          AND (@type IS NULL OR type = @type)
        ORDER BY seq`,
    )
    .all({
      environmentId: filter.environmentId ?? null,
      userId: filter.userId ?? null,
      type: filter.type ?? null,
    }) as {
    environment_id: string;
    user_id: string | null;
    type: string;
    to_address: string;
    subject: string;
    code: string | null;
    template: string | null;
    locale: string | null;
    variables: string;
    created_at: number;
  }[];
  return rows.map((row) => {
    const message: OutboxMessage = {
      type: row.type,
      environmentId: row.environment_id,
      to: row.to_address,
      subject: row.subject,
      variables: JSON.parse(row.variables) as Record<string, unknown>,
      createdAt: toIsoTimestamp(row.created_at),
    };
    if (row.user_id !== null) message.userId = row.user_id;
    if (row.code !== null) message.code = row.code;
    if (row.template !== null) message.template = row.template;
    if (row.locale !== null) message.locale = row.locale;
    return message;
  });
}

/** When the user's emails since `since` were sent, oldest first (for the daily quota). */
export function emailTimesSince(db: EmulatorDatabase, userId: string, since: number): number[] {
  return db
    .prepare("SELECT created_at FROM outbox_messages WHERE user_id = ? AND created_at > ? ORDER BY seq")
    .pluck()
    .all(userId, since) as number[];
}

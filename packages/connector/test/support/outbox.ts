/** One email the emulator would have sent. */
export interface OutboxMessage {
  type: string;
  userId?: string;
  to: string;
  code?: string;
  createdAt: string;
}

/** The newest message of a type to a user, read through the emulator's back door. */
export async function latestOutboxMessage(
  emulatorUrl: string,
  query: { environmentId: string; userId: string; type: "VERIFICATION_CODE" | "RECOVERY_CODE" },
): Promise<OutboxMessage | undefined> {
  const response = await fetch(`${emulatorUrl}/_emulator/outbox?${new URLSearchParams(query)}`);
  if (response.status !== 200)
    throw new Error(`outbox read failed: ${response.status} ${await response.text()}`);
  const { messages } = (await response.json()) as { messages: OutboxMessage[] };
  return messages.at(-1);
}

/** The code in the newest message of a type; fails the test when there is none. */
export async function latestCode(
  emulatorUrl: string,
  query: { environmentId: string; userId: string; type: "VERIFICATION_CODE" | "RECOVERY_CODE" },
): Promise<string> {
  const message = await latestOutboxMessage(emulatorUrl, query);
  if (!message?.code) throw new Error(`no ${query.type} message with a code for user ${query.userId}`);
  return message.code;
}

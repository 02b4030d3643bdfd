import type { EmulatorDatabase } from "../store/database.js";
import { updateUserColumns } from "../store/users.js";
import { codeDigest, generateCode } from "./codes.js";
import { appendOutboxMessage, assertEmailQuota, OutboxMessageTypes } from "./outbox.js";

/**
 * Issues a new verification code (only the latest is valid), sets VERIFICATION_REQUIRED and puts
 * the email in the outbox. Call inside the request's write transaction.
 */
export function sendVerificationCode(
  db: EmulatorDatabase,
  user: { id: string; environment_id: string; email: string },
  now: number,
): void {
  assertEmailQuota(db, user.id, now);
  const code = generateCode();
  updateUserColumns(
    db,
    user.id,
    {
      // Only the digest is kept: the clear code goes to the outbox and nowhere else.
      verification_code: codeDigest(code),
      verification_code_email: user.email,
      lifecycle_status: "VERIFICATION_REQUIRED",
    },
    now,
  );
  appendOutboxMessage(db, {
    type: OutboxMessageTypes.verificationCode,
    environmentId: user.environment_id,
    userId: user.id,
    to: user.email,
    subject: "Verify your email address",
    code,
    template: "email_verification_user",
    variables: { code },
    createdAt: now,
  });
}

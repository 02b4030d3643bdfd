import type { EmulatorDatabase } from "../store/database.js";
import { appendOutboxMessage } from "../store/outbox.js";
import { type UserRow, updateUserColumns } from "../store/users.js";
import { codeDigest, codeMatches, generateCode } from "./codes.js";
import { ErrorMessages } from "./error-messages.js";
import { invalidData } from "./errors.js";
import { assertEmailQuota, OutboxMessageTypes } from "./outbox.js";

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

/** `user.sendVerificationCode`: a user without an email address cannot be sent one. */
export function resendVerificationCode(db: EmulatorDatabase, user: UserRow, now: number): void {
  if (user.email === null) {
    throw invalidData([
      { code: "REQUIRED_VALUE", target: "email", message: ErrorMessages.noEmailForVerification },
    ]);
  }
  sendVerificationCode(db, { id: user.id, environment_id: user.environment_id, email: user.email }, now);
}

/**
 * `user.verify`: the latest code sets ACCOUNT_OK, and `emailVerified` only when the code went to the
 * address the user has now (docs/emulator.md#email-verification).
 */
export function verifyEmail(db: EmulatorDatabase, user: UserRow, code: string, now: number): void {
  if (user.verification_code === null || !codeMatches(user.verification_code, code)) {
    throw invalidData([
      { code: "INVALID_VALUE", target: "verificationCode", message: ErrorMessages.verificationCodeInvalid },
    ]);
  }
  const sentToCurrentEmail =
    user.email !== null && user.verification_code_email?.toLowerCase() === user.email.toLowerCase();
  updateUserColumns(
    db,
    user.id,
    {
      lifecycle_status: "ACCOUNT_OK",
      verification_code: null,
      verification_code_email: null,
      ...(sentToCurrentEmail ? { email_verified: 1 } : {}),
    },
    now,
  );
}

import { toIsoTimestamp } from "../clock.js";
import type { EmulatorDatabase } from "../store/database.js";
import { emailTimesSince } from "../store/outbox.js";
import { quotaExceeded } from "./errors.js";

/** The `type` of each kind of message, so the back door can filter on it. */
export const OutboxMessageTypes = {
  verificationCode: "VERIFICATION_CODE",
  recoveryCode: "RECOVERY_CODE",
  accountCreated: "ACCOUNT_CREATED",
  passwordChanged: "PASSWORD_CHANGED",
} as const;

/** PingOne sends at most 50 emails per user per day (docs/emulator.md#email-quota). */
export const DAILY_EMAIL_QUOTA = 50;
const DAY_MS = 86_400_000;

/**
 * Refuses the 51st email to one user within 24 hours with 429 REQUEST_LIMITED/QUOTA_EXCEEDED.
 * Call before appending a message.
 */
export function assertEmailQuota(db: EmulatorDatabase, userId: string, now: number): void {
  const recent = emailTimesSince(db, userId, now - DAY_MS);
  if (recent.length < DAILY_EMAIL_QUOTA) return;
  const resetAt = (recent[0] ?? now) + DAY_MS;
  throw quotaExceeded(
    "The daily email quota for this user is exhausted.",
    {
      code: "QUOTA_EXCEEDED",
      message: "At most 50 emails can be sent to a user per day.",
      innerError: {
        quotaLimit: DAILY_EMAIL_QUOTA,
        quotaResetTime: toIsoTimestamp(resetAt),
        retryAfter: toIsoTimestamp(resetAt),
      },
    },
    Math.max(1, Math.ceil((resetAt - now) / 1000)),
  );
}

import { createHash, randomInt, timingSafeEqual } from "node:crypto";
import type { RecoveryCodeRecord } from "../store/password-recovery-codes.js";

/*
 * Codes PingOne emails (docs/emulator.md#email-verification, docs/emulator.md#password-actions): verification
 * codes (8 alphanumeric characters, no expiry, latest only) and password recovery codes (8 characters,
 * compared ignoring case, valid 5 minutes, 5 wrong attempts). Only a digest is stored; the clear code
 * goes to the outbox and nowhere else.
 */

export const CODE_LENGTH = 8;
export const RECOVERY_CODE_TTL_SECONDS = 300;
export const MAX_RECOVERY_CODE_FAILURES = 5;

const CODE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** A fresh code from a cryptographic source: 8 upper-case letters and digits. */
export function generateCode(): string {
  let code = "";
  for (let index = 0; index < CODE_LENGTH; index += 1) {
    code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  }
  return code;
}

/** The stored form of a code; case is folded so a typed code matches in either case. */
export function codeDigest(code: string): string {
  return createHash("sha256").update(code.trim().toUpperCase(), "utf8").digest("hex");
}

/** Constant-time comparison of a typed code with a stored digest. */
export function codeMatches(digest: string, candidate: string): boolean {
  const expected = Buffer.from(digest, "hex");
  const actual = Buffer.from(codeDigest(candidate), "hex");
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** A new recovery code replaces any older one and restarts the attempt count. */
export function issueRecoveryCode(now: number): { code: string; record: RecoveryCodeRecord } {
  const code = generateCode();
  return {
    code,
    record: { digest: codeDigest(code), expiresAt: now + RECOVERY_CODE_TTL_SECONDS * 1000, failures: 0 },
  };
}

export type RecoveryCodeOutcome =
  | { readonly outcome: "valid" }
  /** Wrong or expired; `record` carries the counted failure (undefined when there was no code). */
  | { readonly outcome: "invalid"; readonly record: RecoveryCodeRecord | undefined }
  /** Five wrong codes were already given: refused until a new code is sent. */
  | { readonly outcome: "exhausted" };

export function checkRecoveryCode(
  record: RecoveryCodeRecord | undefined,
  candidate: string,
  now: number,
): RecoveryCodeOutcome {
  if (record === undefined) return { outcome: "invalid", record: undefined };
  if (record.failures >= MAX_RECOVERY_CODE_FAILURES) return { outcome: "exhausted" };
  if (now < record.expiresAt && codeMatches(record.digest, candidate)) return { outcome: "valid" };
  return { outcome: "invalid", record: { ...record, failures: record.failures + 1 } };
}

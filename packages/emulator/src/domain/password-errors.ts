import { ErrorMessages } from "./error-messages.js";
import { type DomainError, invalidData, type PingOneErrorDetail, requestFailed } from "./errors.js";
import { SUPPORTED_PASSWORD_SCHEMES } from "./password-hash.js";
import type { PasswordPolicyFailure } from "./password-policy.js";

/*
 * Every error body of the password and verification operations, in one table
 * (docs/emulator.md#password-errors). PingOne does not publish these bodies: when a real response is
 * captured, correct it here, in that table and in the connector's classification together.
 */

/** Why an account cannot use password operations (`innerError.reason`). */
export type AccountNotUsableReason = "DISABLED" | "EXTERNAL_IDP" | "LOCKED";

export const PasswordErrorMessages = {
  wrongPassword: "The provided password did not match provided user's password",
  lockedOut: "The user's password is locked",
  noPassword: "The user does not have a password",
  accountNotUsable: "The user account is not usable",
  wrongCurrentPassword: "The current password is incorrect",
  policyViolation: "User password did not satisfy password policy requirements",
  tooYoung: "The password cannot be changed yet",
  unsupportedScheme: "Unsupported password storage scheme",
  malformedEncoding: "The pre-encoded password value is not valid for its storage scheme",
  recoveryCodeInvalid: "The recovery code is invalid or has expired",
  recoveryCodeExhausted: "Maximum password recovery failures exceeded",
  verificationCodeInvalid: "The verification code is invalid",
} as const;

const invalidValue = (detail: PingOneErrorDetail) => invalidData([detail]);

export const PasswordErrors = {
  /** check: wrong password; `failuresRemaining` only when the policy has a lockout. */
  wrongPassword(failuresRemaining: number | undefined): DomainError {
    return invalidValue({
      code: "INVALID_VALUE",
      target: "password",
      message: PasswordErrorMessages.wrongPassword,
      ...(failuresRemaining === undefined ? {} : { innerError: { failuresRemaining } }),
    });
  },

  /** check/reset/send: the password is locked out; no `secondsUntilUnlock` for an untimed lockout. */
  lockedOut(secondsUntilUnlock: number | undefined): DomainError {
    return invalidValue({
      code: "INVALID_VALUE",
      target: "password",
      message: PasswordErrorMessages.lockedOut,
      ...(secondsUntilUnlock === undefined ? {} : { innerError: { secondsUntilUnlock } }),
    });
  },

  noPassword(): DomainError {
    return invalidValue({
      code: "NO_PASSWORD",
      target: "password",
      message: PasswordErrorMessages.noPassword,
    });
  },

  /** Any password operation on a disabled user, an authoritative-IdP user or a locked account. */
  accountNotUsable(reason: AccountNotUsableReason): DomainError {
    return requestFailed(ErrorMessages.badRequest, [
      {
        code: "ACCOUNT_NOT_USABLE",
        target: "user",
        message: PasswordErrorMessages.accountNotUsable,
        innerError: { reason },
      },
    ]);
  },

  wrongCurrentPassword(failuresRemaining: number | undefined): DomainError {
    return invalidValue({
      code: "INVALID_VALUE",
      target: "currentPassword",
      message: PasswordErrorMessages.wrongCurrentPassword,
      ...(failuresRemaining === undefined ? {} : { innerError: { failuresRemaining } }),
    });
  },

  /**
   * One detail per failed rule, each `innerError` keyed by the rule (`{"length": "…"}`).
   * Target `password` for create/import and set, `newPassword` for reset and recover.
   */
  policyViolation(
    target: "password" | "newPassword",
    failures: readonly PasswordPolicyFailure[],
  ): DomainError {
    return invalidData(
      failures.map((failure) => ({
        code: "INVALID_VALUE",
        target,
        message: PasswordErrorMessages.policyViolation,
        innerError: { [failure.rule]: failure.message },
      })),
    );
  },

  /** reset: `minAgeDays` has not passed since the last change. */
  tooYoung(noChangeUntil: string): DomainError {
    return invalidValue({
      code: "CONSTRAINT_VIOLATION",
      target: "newPassword",
      message: PasswordErrorMessages.tooYoung,
      innerError: { noChangeUntil },
    });
  },

  /** set/import: a `{SCHEME}` prefix PingOne does not support. `target` is the body field. */
  unsupportedScheme(target: "value" | "password"): DomainError {
    return invalidValue({
      code: "INVALID_VALUE",
      target,
      message: PasswordErrorMessages.unsupportedScheme,
      innerError: { allowedValues: [...SUPPORTED_PASSWORD_SCHEMES] },
    });
  },

  /** set/import: a supported scheme whose encoded value cannot be one of its hashes (emulator row). */
  malformedEncoding(target: "value" | "password", scheme: string): DomainError {
    return invalidValue({
      code: "INVALID_VALUE",
      target,
      message: PasswordErrorMessages.malformedEncoding,
      innerError: { scheme },
    });
  },

  recoveryCodeInvalid(): DomainError {
    return invalidValue({
      code: "INVALID_VALUE",
      target: "recoveryCode",
      message: PasswordErrorMessages.recoveryCodeInvalid,
    });
  },

  /** recover: five wrong codes; refused until a new code is sent. */
  recoveryCodeExhausted(): DomainError {
    return requestFailed(ErrorMessages.badRequest, [
      {
        code: "CONSTRAINT_VIOLATION",
        target: "recoveryCode",
        message: PasswordErrorMessages.recoveryCodeExhausted,
      },
    ]);
  },

  verificationCodeInvalid(): DomainError {
    return invalidValue({
      code: "INVALID_VALUE",
      target: "verificationCode",
      message: PasswordErrorMessages.verificationCodeInvalid,
    });
  },
} as const;

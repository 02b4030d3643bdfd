import { PasswordErrors } from "./password-errors.js";
import { classifyPasswordValue, hashPassword } from "./password-hash.js";
import {
  evaluatePasswordPolicy,
  type PasswordEvaluationContext,
  type PasswordPolicyRules,
} from "./password-policy.js";

export interface PasswordValueOptions {
  /** The body field holding the value: `password` (create/import) or `value` (password.set/setValue). */
  readonly field: "password" | "value";
  /** The `target` of policy failures: `password` (create/import, set) or `newPassword` (reset, recover). */
  readonly policyTarget: "password" | "newPassword";
  readonly rules: PasswordPolicyRules;
  readonly context?: PasswordEvaluationContext;
  /** `bypassPolicy` of password.set/setValue: store clear text without evaluating the policy. */
  readonly bypassPolicy?: boolean;
}

/**
 * The stored form of a password a request sends: pre-encoded values (`{BCRYPT}…`) are kept as given
 * and never checked against the policy (docs/emulator.md#password-actions); clear text is checked
 * unless bypassed (the current password is refused even then), then hashed. Throws the errors of
 * docs/emulator.md#password-errors: unsupported scheme, malformed encoding, or one per failed rule.
 */
export function storedPasswordFor(
  value: string,
  options: PasswordValueOptions,
): { stored: string; preEncoded: boolean } {
  const encoding = classifyPasswordValue(value);
  switch (encoding.kind) {
    case "unsupportedScheme":
      throw PasswordErrors.unsupportedScheme(options.field);
    case "malformed":
      throw PasswordErrors.malformedEncoding(options.field, encoding.scheme);
    case "preEncoded":
      return { stored: encoding.stored, preEncoded: true };
    case "cleartext": {
      // Bypassing the policy still never allows the current password again.
      const failures =
        options.bypassPolicy === true
          ? evaluatePasswordPolicy(value, {}, { ...options.context, isInHistory: () => false })
          : evaluatePasswordPolicy(value, options.rules, options.context);
      if (failures.length > 0) throw PasswordErrors.policyViolation(options.policyTarget, failures);
      return { stored: hashPassword(value), preEncoded: false };
    }
  }
}

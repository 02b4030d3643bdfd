import type { NewPasswordPolicy } from "../store/password-policies.js";

/**
 * The three policies every new environment starts with; Standard is the default. PingOne does not
 * publish Standard's and Passphrase's values: docs/emulator.md#password-policies gives the chosen ones.
 */

const LOCKOUT = { failureCount: 5, durationSeconds: 900 };

export const defaultPasswordPolicies: readonly NewPasswordPolicy[] = [
  {
    name: "Standard",
    description: "A standard policy that incorporates industry best practices",
    isDefault: true,
    policy: {
      excludesCommonlyUsed: true,
      excludesProfileData: true,
      notSimilarToCurrent: true,
      history: { count: 6, retentionDays: 365 },
      length: { min: 8, max: 255 },
      lockout: LOCKOUT,
      maxAgeDays: 182,
      minAgeDays: 1,
      maxRepeatedCharacters: 2,
      minUniqueCharacters: 5,
      minCharacters: {
        ABCDEFGHIJKLMNOPQRSTUVWXYZ: 1,
        abcdefghijklmnopqrstuvwxyz: 1,
        "0123456789": 1,
        "~!@#$%^&*()-_=+[]{}|;:,.<>/?": 1,
      },
    },
  },
  {
    name: "Passphrase",
    description: "A policy that encourages the use of passphrases",
    isDefault: false,
    policy: {
      excludesCommonlyUsed: true,
      excludesProfileData: true,
      notSimilarToCurrent: true,
      length: { min: 30, max: 255 },
      lockout: LOCKOUT,
    },
  },
  {
    name: "Basic",
    description: "A basic policy: checked against commonly used passwords, 8 to 255 characters, no expiry",
    isDefault: false,
    policy: {
      excludesCommonlyUsed: true,
      length: { min: 8, max: 255 },
      lockout: LOCKOUT,
    },
  },
];

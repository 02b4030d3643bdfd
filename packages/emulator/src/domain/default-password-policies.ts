/**
 * The three policies every new environment starts with (pingone-api.md §6.7). Standard is the default.
 * Values marked unconfirmed in the doc use its recommended emulator defaults.
 */
export interface DefaultPasswordPolicy {
  name: string;
  description: string;
  isDefault: boolean;
  policy: Record<string, unknown>;
}

const LOCKOUT = { failureCount: 5, durationSeconds: 900 };

export const defaultPasswordPolicies: readonly DefaultPasswordPolicy[] = [
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

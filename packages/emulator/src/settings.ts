/**
 * Behaviour PingOne does not document precisely ("unconfirmed" in pingone-api.md). Each setting's
 * default is the recommended behaviour; tests and users can switch to the alternative.
 */
export interface EmulatorSettings {
  /** §2.2: accept action media types with and without `+json` ("lenient") or only as documented. */
  actionMediaTypes: "lenient" | "strict";
  /** §5.3: HTTP status for UNIQUENESS_VIOLATION; PingOne answers 400, some specs list 409. */
  duplicateStatus: 400 | 409;
  /** §2.4: the most users one page returns, whatever `limit` asks. */
  usersPageCap: number;
  /** §1.4: `expires_in` of worker tokens, in seconds. */
  tokenLifetimeSeconds: number;
  /** §2.5: `username`/`email` filter values compare case-insensitively. */
  caseInsensitiveUsernameEmail: boolean;
  /** §6.2: `account.lock` with an `unlockAt` in the past is a 400 ("reject") or a no-op ("ignore"). */
  unlockAtInPast: "reject" | "ignore";
  /** §8.2: a revoked consent reads back as PENDING (recommended) or REVOKED. */
  consentRevokeStatus: "PENDING" | "REVOKED";
}

export const defaultSettings: Readonly<EmulatorSettings> = Object.freeze({
  actionMediaTypes: "lenient",
  duplicateStatus: 400,
  usersPageCap: 200,
  tokenLifetimeSeconds: 3600,
  caseInsensitiveUsernameEmail: true,
  unlockAtInPast: "reject",
  consentRevokeStatus: "PENDING",
});

export function resolveSettings(overrides: Partial<EmulatorSettings> = {}): EmulatorSettings {
  return { ...defaultSettings, ...overrides };
}

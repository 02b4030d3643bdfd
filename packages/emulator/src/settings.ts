/**
 * Behaviour PingOne does not document precisely. Each setting's default is the recommended behaviour;
 * tests and users can switch to the alternative. The `#anchors` are sections of docs/emulator.md.
 */
export interface EmulatorSettings {
  /** Accept action media types with and without `+json` ("lenient") or only as documented (#action-media-types). */
  actionMediaTypes: "lenient" | "strict";
  /** HTTP status of UNIQUENESS_VIOLATION: PingOne answers 400, some specs list 409 (#duplicates). */
  duplicateStatus: 400 | 409;
  /** The most users one page returns, whatever `limit` asks (#paging). */
  usersPageCap: number;
  /** `expires_in` of worker tokens, in seconds (#token-endpoint). */
  tokenLifetimeSeconds: number;
  /** `username`/`email` filter values compare case-insensitively (#filters). */
  caseInsensitiveUsernameEmail: boolean;
  /** `account.lock` with an `unlockAt` in the past is a 400 ("reject") or a no-op ("ignore") (#account-lock). */
  unlockAtInPast: "reject" | "ignore";
  /** A revoked consent reads back as PENDING (recommended) or REVOKED (#unconfirmed-behaviour). */
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

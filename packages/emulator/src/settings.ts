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
  /**
   * A PING_ONE-authority gateway user's password, once the directory accepts it in a password check,
   * is stored in PingOne ("onCheck", as PingOne migrates it at the next sign-on) or left in the
   * directory ("never") (emulator-gateways.md#password-checks).
   */
  gatewayPasswordMigration: "onCheck" | "never";
  /** Milliseconds a gateway waits to connect to one of its directory servers (emulator-gateways.md). */
  gatewayConnectTimeoutMs: number;
  /** Milliseconds a gateway waits for each directory operation: StartTLS, bind, search. */
  gatewayOperationTimeoutMs: number;
}

export const defaultSettings: Readonly<EmulatorSettings> = Object.freeze({
  actionMediaTypes: "lenient",
  duplicateStatus: 400,
  usersPageCap: 200,
  tokenLifetimeSeconds: 3600,
  caseInsensitiveUsernameEmail: true,
  unlockAtInPast: "reject",
  consentRevokeStatus: "PENDING",
  gatewayPasswordMigration: "onCheck",
  gatewayConnectTimeoutMs: 3000,
  gatewayOperationTimeoutMs: 5000,
});

export function resolveSettings(overrides: Partial<EmulatorSettings> = {}): EmulatorSettings {
  return { ...defaultSettings, ...overrides };
}

import type { PasswordHistoryEntry } from "./password-history.js";
import { retirePassword } from "./password-history.js";
import type { PasswordPolicyRules } from "./password-policy.js";

/** `status` of the password state (docs/emulator.md#password-state). */
export type PasswordStatus =
  | "OK"
  | "NO_PASSWORD"
  | "PASSWORD_EXPIRED"
  | "PASSWORD_LOCKED_OUT"
  | "MUST_CHANGE_PASSWORD"
  | "EXTERNAL";

/** A user's stored password columns, in the shape the state machine works on. */
export interface PasswordRecord {
  readonly hash: string | null;
  /** The status at the last write; time-dependent parts (lockout expiry, age) are re-derived. */
  readonly status: PasswordStatus;
  readonly lastChangedAt: number | null;
  readonly failureCount: number;
  /** End of a password lockout; null while locked out means "until an administrator unlocks". */
  readonly lockedOutUntil: number | null;
  readonly history: readonly PasswordHistoryEntry[];
  readonly mustChange: boolean;
  readonly externalGateway: unknown;
}

const DAY_MS = 86_400_000;
/** PingOne warns this many days before `maxAgeDays` runs out (the "+ 21" of the policy schema). */
export const EXPIRY_WARNING_DAYS = 21;

/** Applies what time alone changes: a lockout whose duration has run out is over, with no failures. */
export function normalizePasswordRecord(record: PasswordRecord, now: number): PasswordRecord {
  if (
    record.status !== "PASSWORD_LOCKED_OUT" ||
    record.lockedOutUntil === null ||
    now < record.lockedOutUntil
  ) {
    return record;
  }
  return clearPasswordLockout(record);
}

/** The status a reader sees now. */
export function passwordStatusOf(
  record: PasswordRecord,
  rules: PasswordPolicyRules,
  now: number,
): PasswordStatus {
  const current = normalizePasswordRecord(record, now);
  // A gateway user's failed checks count too (docs/emulator-gateways.md#password-checks).
  if (current.status === "PASSWORD_LOCKED_OUT" && (current.hash !== null || current.externalGateway)) {
    return "PASSWORD_LOCKED_OUT";
  }
  if (current.hash === null) return current.externalGateway ? "EXTERNAL" : "NO_PASSWORD";
  if (current.mustChange || current.status === "MUST_CHANGE_PASSWORD") return "MUST_CHANGE_PASSWORD";
  if (current.status === "PASSWORD_EXPIRED") return "PASSWORD_EXPIRED";
  const expiresAt = passwordExpiresAt(current, rules);
  if (expiresAt !== undefined && now >= expiresAt) return "PASSWORD_EXPIRED";
  return "OK";
}

export function passwordExpiresAt(record: PasswordRecord, rules: PasswordPolicyRules): number | undefined {
  if (rules.maxAgeDays === undefined || record.lastChangedAt === null) return undefined;
  return record.lastChangedAt + rules.maxAgeDays * DAY_MS;
}

/** When `minAgeDays` allows the next self-service change; undefined when it already does. */
export function noChangeUntil(
  record: PasswordRecord,
  rules: PasswordPolicyRules,
  now: number,
): number | undefined {
  if (rules.minAgeDays === undefined || record.lastChangedAt === null) return undefined;
  const allowedAt = record.lastChangedAt + rules.minAgeDays * DAY_MS;
  return now < allowedAt ? allowedAt : undefined;
}

/** Failed attempts left before a lockout; undefined when the policy has no lockout. */
export function failuresRemaining(
  record: PasswordRecord,
  rules: PasswordPolicyRules,
  now: number,
): number | undefined {
  const limit = rules.lockout?.failureCount;
  if (limit === undefined) return undefined;
  const current = normalizePasswordRecord(record, now);
  if (current.status === "PASSWORD_LOCKED_OUT") return 0;
  return Math.max(0, limit - current.failureCount);
}

/** Whole seconds until a timed lockout ends (rounded up); undefined when not on a timer. */
export function secondsUntilUnlock(record: PasswordRecord, now: number): number | undefined {
  const current = normalizePasswordRecord(record, now);
  if (current.status !== "PASSWORD_LOCKED_OUT" || current.lockedOutUntil === null) return undefined;
  return Math.ceil((current.lockedOutUntil - now) / 1000);
}

/** A wrong password (check, or the current password of a reset) counts toward the lockout. */
export function recordPasswordFailure(
  record: PasswordRecord,
  rules: PasswordPolicyRules,
  now: number,
): PasswordRecord {
  const current = normalizePasswordRecord(record, now);
  const failureCount = current.failureCount + 1;
  const limit = rules.lockout?.failureCount;
  if (limit === undefined || failureCount < limit) return { ...current, failureCount };
  const duration = rules.lockout?.durationSeconds;
  return {
    ...current,
    failureCount,
    status: "PASSWORD_LOCKED_OUT",
    lockedOutUntil: duration === undefined ? null : now + duration * 1000,
  };
}

/** A matching password resets the failure count. */
export function recordPasswordSuccess(record: PasswordRecord, now: number): PasswordRecord {
  const current = normalizePasswordRecord(record, now);
  return { ...current, failureCount: 0 };
}

/** `password.unlock`, a successful recovery or an admin force-change end a password lockout. */
export function clearPasswordLockout(record: PasswordRecord): PasswordRecord {
  const unlocked: PasswordRecord = {
    ...record,
    failureCount: 0,
    lockedOutUntil: null,
    status: record.status === "PASSWORD_LOCKED_OUT" ? "OK" : record.status,
  };
  return { ...unlocked, status: storedStatus(unlocked) };
}

/** `password.forceChange`: keep the password, demand a change, clear any lockout. */
export function forcePasswordChange(record: PasswordRecord): PasswordRecord {
  const unlocked = clearPasswordLockout(record);
  const forced = { ...unlocked, mustChange: true };
  return { ...forced, status: storedStatus(forced) };
}

/**
 * A new password (set, reset, recover, setValue): the old one joins the history. A gateway link stays
 * unless `dropGatewayLink` (docs/emulator-gateways.md#password-writes).
 */
export function replacePassword(
  record: PasswordRecord,
  newHash: string,
  rules: PasswordPolicyRules,
  now: number,
  options: { mustChange: boolean; dropGatewayLink?: boolean },
): PasswordRecord {
  const replaced: PasswordRecord = {
    hash: newHash,
    status: "OK",
    lastChangedAt: now,
    failureCount: 0,
    lockedOutUntil: null,
    history: retirePassword(record.history, record.hash, rules, now),
    mustChange: options.mustChange,
    externalGateway: options.dropGatewayLink === true ? null : record.externalGateway,
  };
  return { ...replaced, status: storedStatus(replaced) };
}

/** `password.setValue` without a value: the user has no password (or only the gateway's). */
export function removePassword(
  record: PasswordRecord,
  rules: PasswordPolicyRules,
  now: number,
): PasswordRecord {
  const removed: PasswordRecord = {
    ...record,
    hash: null,
    lastChangedAt: null,
    failureCount: 0,
    lockedOutUntil: null,
    history: retirePassword(record.history, record.hash, rules, now),
    mustChange: false,
    status: "NO_PASSWORD",
  };
  return { ...removed, status: storedStatus(removed) };
}

/**
 * `password.setGateway`: the user's password now lives behind the gateway. With LDAP authority the
 * password PingOne held is removed (status EXTERNAL); with PING_ONE authority a password PingOne holds
 * stays in use, and one missing is migrated at the next successful check.
 */
export function linkToGateway(
  record: PasswordRecord,
  link: unknown,
  keepPassword: boolean,
  rules: PasswordPolicyRules,
  now: number,
): PasswordRecord {
  if (keepPassword) return { ...record, externalGateway: link };
  return removePassword({ ...record, externalGateway: link }, rules, now);
}

// The status written with an unlocked record; an explicit expiry (seed, import) is kept.
function storedStatus(record: PasswordRecord): PasswordStatus {
  if (record.hash === null) return record.externalGateway ? "EXTERNAL" : "NO_PASSWORD";
  if (record.mustChange) return "MUST_CHANGE_PASSWORD";
  if (record.status === "PASSWORD_EXPIRED") return "PASSWORD_EXPIRED";
  return "OK";
}

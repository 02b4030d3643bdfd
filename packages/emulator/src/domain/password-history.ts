import type { PasswordPolicyRules } from "./password-policy.js";

/** A previous password: its stored hash and the instant it stopped being the current one. */
export interface PasswordHistoryEntry {
  readonly hash: string;
  readonly changedAt: number;
}

const DAY_MS = 86_400_000;

/** The previous passwords the policy still forbids: at most `history.count`, within `retentionDays`. */
export function rememberedPasswords(
  history: readonly PasswordHistoryEntry[],
  rules: PasswordPolicyRules,
  now: number,
): PasswordHistoryEntry[] {
  const count = rules.history?.count;
  if (count === undefined || count < 1) return [];
  const retentionDays = rules.history?.retentionDays;
  const oldest = retentionDays === undefined ? Number.NEGATIVE_INFINITY : now - retentionDays * DAY_MS;
  return history.slice(0, count).filter((entry) => entry.changedAt >= oldest);
}

/**
 * The history after `retiredHash` stops being current, newest first, trimmed to what the policy
 * remembers so the column never grows without bound.
 */
export function retirePassword(
  history: readonly PasswordHistoryEntry[],
  retiredHash: string | null,
  rules: PasswordPolicyRules,
  now: number,
): PasswordHistoryEntry[] {
  const next = retiredHash === null ? [...history] : [{ hash: retiredHash, changedAt: now }, ...history];
  return rememberedPasswords(next, rules, now);
}

/** The account-lock columns of a user (pingone-api.md §6.2). */
export interface AccountLockColumns {
  account_status: string;
  account_locked_at: number | null;
  account_unlock_at: number | null;
  enabled: number;
}

/**
 * True while the account is locked. A lock with `unlockAt` ends by itself when the clock passes it
 * (PingOne's automatic unlock, which emits no event), so readers never see a stale lock.
 */
export function isAccountLocked(user: AccountLockColumns, now: number): boolean {
  if (user.account_status !== "LOCKED") return false;
  return user.account_unlock_at === null || user.account_unlock_at > now;
}

/** The user's `account` object: `canAuthenticate` is false when locked or disabled. */
export function accountView(user: AccountLockColumns, now: number): Record<string, unknown> {
  const locked = isAccountLocked(user, now);
  const account: Record<string, unknown> = {
    canAuthenticate: !locked && user.enabled === 1,
    status: locked ? "LOCKED" : "OK",
  };
  if (locked) {
    if (user.account_locked_at !== null) account.lockedAt = new Date(user.account_locked_at).toISOString();
    if (user.account_unlock_at !== null) {
      account.unlockAt = new Date(user.account_unlock_at).toISOString();
      account.secondsUntilUnlock = Math.max(1, Math.ceil((user.account_unlock_at - now) / 1000));
    }
  }
  return account;
}

/** The account-lock columns of a user (docs/emulator.md#account-lock). */
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

import type { EmulatorSettings } from "../settings.js";
import type { EmulatorDatabase } from "../store/database.js";
import { type UserRow, updateUserColumns } from "../store/users.js";
import { isAccountLocked } from "./account-lock.js";
import { ErrorMessages } from "./error-messages.js";
import { invalidData } from "./errors.js";

/**
 * `account.lock`: locked until `unlockAt`, or until an administrator unlocks without one. A past
 * `unlockAt` is refused or ignored as the unlockAtInPast setting says (docs/emulator.md#account-lock).
 * Locking a locked account keeps its `lockedAt`.
 */
export function lockAccount(
  db: EmulatorDatabase,
  settings: Pick<EmulatorSettings, "unlockAtInPast">,
  user: UserRow,
  unlockAtText: string | undefined,
  now: number,
): void {
  const unlockAt = unlockAtText === undefined ? null : Date.parse(unlockAtText);
  if (unlockAt !== null && unlockAt <= now) {
    if (settings.unlockAtInPast === "ignore") return;
    throw invalidData([{ code: "INVALID_VALUE", target: "unlockAt", message: ErrorMessages.unlockAtInPast }]);
  }
  const lockedAt = isAccountLocked(user, now) ? (user.account_locked_at ?? now) : now;
  updateUserColumns(
    db,
    user.id,
    { account_status: "LOCKED", account_locked_at: lockedAt, account_unlock_at: unlockAt },
    now,
  );
}

/** `account.unlock`: clears the account lock only; a password lockout is separate. */
export function unlockAccount(db: EmulatorDatabase, user: UserRow, now: number): void {
  updateUserColumns(
    db,
    user.id,
    { account_status: "OK", account_locked_at: null, account_unlock_at: null },
    now,
  );
}

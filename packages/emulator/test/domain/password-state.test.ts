import { describe, expect, it } from "vitest";
import { rememberedPasswords } from "../../src/domain/password-history.js";
import type { PasswordPolicyRules } from "../../src/domain/password-policy.js";
import {
  clearPasswordLockout,
  failuresRemaining,
  forcePasswordChange,
  noChangeUntil,
  type PasswordRecord,
  passwordStatusOf,
  recordPasswordFailure,
  recordPasswordSuccess,
  removePassword,
  replacePassword,
  secondsUntilUnlock,
} from "../../src/domain/password-state.js";

const NOW = Date.UTC(2025, 0, 1);
const DAY = 86_400_000;
const rules: PasswordPolicyRules = {
  lockout: { failureCount: 3, durationSeconds: 900 },
  history: { count: 2, retentionDays: 30 },
  maxAgeDays: 60,
  minAgeDays: 1,
};

const noPassword: PasswordRecord = {
  hash: null,
  status: "NO_PASSWORD",
  lastChangedAt: null,
  failureCount: 0,
  lockedOutUntil: null,
  history: [],
  mustChange: false,
  externalGateway: null,
};

const withPassword = replacePassword(noPassword, "h1", rules, NOW, { mustChange: false });

function failTimes(record: PasswordRecord, times: number, now = NOW): PasswordRecord {
  let current = record;
  for (let index = 0; index < times; index += 1) current = recordPasswordFailure(current, rules, now);
  return current;
}

describe("password state", () => {
  it("derives NO_PASSWORD, EXTERNAL and OK", () => {
    expect(passwordStatusOf(noPassword, rules, NOW)).toBe("NO_PASSWORD");
    expect(passwordStatusOf({ ...noPassword, externalGateway: { id: "g" } }, rules, NOW)).toBe("EXTERNAL");
    expect(passwordStatusOf(withPassword, rules, NOW)).toBe("OK");
    expect(withPassword.lastChangedAt).toBe(NOW);
  });

  it("locks out after failureCount failures and unlocks when the duration has passed", () => {
    const twice = failTimes(withPassword, 2);
    expect(failuresRemaining(twice, rules, NOW)).toBe(1);
    const locked = failTimes(twice, 1);
    expect(passwordStatusOf(locked, rules, NOW)).toBe("PASSWORD_LOCKED_OUT");
    expect(failuresRemaining(locked, rules, NOW)).toBe(0);
    expect(secondsUntilUnlock(locked, NOW + 100_500)).toBe(800);
    expect(passwordStatusOf(locked, rules, NOW + 899_999)).toBe("PASSWORD_LOCKED_OUT");
    expect(passwordStatusOf(locked, rules, NOW + 900_000)).toBe("OK");
    expect(failuresRemaining(locked, rules, NOW + 900_000)).toBe(3);
    expect(secondsUntilUnlock(locked, NOW + 900_000)).toBeUndefined();
  });

  it("locks out until an administrator acts when the policy has no duration", () => {
    const forever = { lockout: { failureCount: 1 } };
    const locked = recordPasswordFailure(withPassword, forever, NOW);
    expect(passwordStatusOf(locked, forever, NOW + 365 * DAY)).toBe("PASSWORD_LOCKED_OUT");
    expect(secondsUntilUnlock(locked, NOW)).toBeUndefined();
    expect(passwordStatusOf(clearPasswordLockout(locked), forever, NOW)).toBe("OK");
  });

  it("resets the failure count on success", () => {
    const reset = recordPasswordSuccess(failTimes(withPassword, 2), NOW);
    expect(failuresRemaining(reset, rules, NOW)).toBe(3);
  });

  it("forces a change and clears a lockout", () => {
    const forced = forcePasswordChange(failTimes(withPassword, 3));
    expect(passwordStatusOf(forced, rules, NOW)).toBe("MUST_CHANGE_PASSWORD");
    expect(forced.hash).toBe("h1");
    expect(failuresRemaining(forced, rules, NOW)).toBe(3);
  });

  it("expires after maxAgeDays and tells when min age allows a change", () => {
    expect(passwordStatusOf(withPassword, rules, NOW + 60 * DAY - 1)).toBe("OK");
    expect(passwordStatusOf(withPassword, rules, NOW + 60 * DAY)).toBe("PASSWORD_EXPIRED");
    expect(noChangeUntil(withPassword, rules, NOW + 1000)).toBe(NOW + DAY);
    expect(noChangeUntil(withPassword, rules, NOW + DAY)).toBeUndefined();
  });

  it("keeps replaced passwords in a bounded history", () => {
    const second = replacePassword(withPassword, "h2", rules, NOW + DAY, { mustChange: true });
    expect(passwordStatusOf(second, rules, NOW + DAY)).toBe("MUST_CHANGE_PASSWORD");
    const third = replacePassword(second, "h3", rules, NOW + 2 * DAY, { mustChange: false });
    const fourth = replacePassword(third, "h4", rules, NOW + 3 * DAY, { mustChange: false });
    expect(fourth.history.map((entry) => entry.hash)).toEqual(["h3", "h2"]);
    expect(rememberedPasswords(fourth.history, rules, NOW + 33 * DAY).map((entry) => entry.hash)).toEqual([
      "h3",
    ]);
    expect(rememberedPasswords(fourth.history, {}, NOW)).toEqual([]);
  });

  it("unsets the password", () => {
    const removed = removePassword(withPassword, rules, NOW);
    expect(passwordStatusOf(removed, rules, NOW)).toBe("NO_PASSWORD");
    expect(removed.lastChangedAt).toBeNull();
    expect(removed.history.map((entry) => entry.hash)).toEqual(["h1"]);
  });
});

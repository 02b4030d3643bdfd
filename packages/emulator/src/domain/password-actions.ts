import { toIsoTimestamp } from "../clock.js";
import type { EmulatorContext } from "../context.js";
import { appendOutboxMessage } from "../store/outbox.js";
import type { PasswordPolicyRow } from "../store/password-policies.js";
import { deleteRecoveryCode, findRecoveryCode, saveRecoveryCode } from "../store/password-recovery-codes.js";
import { createSession } from "../store/sessions.js";
import { recordSignOn } from "../store/user-passwords.js";
import type { UserRow } from "../store/users.js";
import { isAccountLocked } from "./account-lock.js";
import { checkRecoveryCode, issueRecoveryCode } from "./codes.js";
import { loadUser } from "./create-user.js";
import { ErrorMessages } from "./error-messages.js";
import { type DomainError, invalidData } from "./errors.js";
import { linkedPasswordAuthority, parseGatewayLink, resolveNewGatewayLink } from "./gateway-links.js";
import { assertEmailQuota, OutboxMessageTypes } from "./outbox.js";
import { type AccountNotUsableReason, PasswordErrors } from "./password-errors.js";
import { hashPassword, verifyPassword } from "./password-hash.js";
import { rememberedPasswords } from "./password-history.js";
import {
  evaluatePasswordPolicy,
  type PasswordEvaluationContext,
  type PasswordPolicyRules,
  profileValuesOf,
} from "./password-policy.js";
import { policyOfPopulation } from "./password-policy-of.js";
import { passwordRecordOf, savePasswordRecord } from "./password-record.js";
import {
  clearPasswordLockout,
  failuresRemaining,
  forcePasswordChange,
  linkToGateway,
  noChangeUntil,
  normalizePasswordRecord,
  type PasswordRecord,
  type PasswordStatus,
  passwordStatusOf,
  recordPasswordFailure,
  recordPasswordSuccess,
  removePassword,
  replacePassword,
  secondsUntilUnlock,
} from "./password-state.js";
import { storedPasswordFor } from "./password-value.js";
import { assertValid, type JsonObject, type ObjectSpec } from "./validation.js";

/** The password actions of `P/users/{id}/password` (docs/emulator.md#password-actions). */
export type PasswordAction =
  | "check"
  | "sendRecoveryCode"
  | "recover"
  | "forceChange"
  | "unlock"
  | "reset"
  | "set"
  | "setValue"
  | "setGateway";

/** What the password state resource is built from. */
export interface PasswordState {
  user: UserRow;
  record: PasswordRecord;
  policy: PasswordPolicyRow | undefined;
  rules: PasswordPolicyRules;
  now: number;
}

const SELF_SERVICE: readonly AccountNotUsableReason[] = ["DISABLED", "LOCKED", "EXTERNAL_IDP"];

/**
 * Account conditions that refuse each action with ACCOUNT_NOT_USABLE (docs/emulator.md#password-actions,
 * docs/emulator.md#password-errors). Self-service (check, send, recover, reset) is refused for a disabled
 * user, a locked account and a user whose external identity provider is authoritative. Administrative
 * set/setValue are refused for a disabled user or a locked account; unlock and forceChange are documented to
 * leave an account lock in place, so they work on a locked account.
 */
const REFUSED_WHEN: Readonly<Record<PasswordAction, readonly AccountNotUsableReason[]>> = {
  check: SELF_SERVICE,
  sendRecoveryCode: SELF_SERVICE,
  recover: SELF_SERVICE,
  reset: SELF_SERVICE,
  set: ["DISABLED", "LOCKED"],
  setValue: ["DISABLED", "LOCKED"],
  setGateway: ["DISABLED", "LOCKED"],
  forceChange: ["DISABLED"],
  unlock: ["DISABLED"],
};

const password = { kind: "string" } as const;
const BODIES: Readonly<Record<PasswordAction, { spec: ObjectSpec; required: readonly string[] }>> = {
  check: { spec: { password }, required: ["password"] },
  sendRecoveryCode: { spec: {}, required: [] },
  recover: {
    spec: { recoveryCode: { kind: "string", maxLength: 64 }, newPassword: password },
    required: ["recoveryCode", "newPassword"],
  },
  forceChange: { spec: {}, required: [] },
  unlock: { spec: {}, required: [] },
  reset: {
    spec: { currentPassword: password, newPassword: password },
    required: ["currentPassword", "newPassword"],
  },
  set: {
    spec: { value: password, forceChange: { kind: "boolean" }, bypassPolicy: { kind: "boolean" } },
    required: ["value"],
  },
  setValue: {
    spec: { value: password, forceChange: { kind: "boolean" }, bypassPolicy: { kind: "boolean" } },
    required: [],
  },
  // Checked in full (shape, correlation attributes, references) by the action itself.
  setGateway: { spec: {}, required: [] },
};

/** What an action leaves behind: the record to store, and the error to answer with after commit. */
interface ActionOutcome {
  record: PasswordRecord;
  /** A real password change (bumps the user's `updatedAt`), as opposed to counters and flags. */
  changed: boolean;
  /** Failures that must be remembered (wrong password, wrong code) are answered after the commit. */
  error?: DomainError;
}

interface ActionInput {
  ctx: EmulatorContext;
  user: UserRow;
  body: JsonObject;
  record: PasswordRecord;
  status: PasswordStatus;
  rules: PasswordPolicyRules;
  now: number;
}

/** The password state of `GET P/users/{id}/password`. */
export function readPasswordState(
  ctx: EmulatorContext,
  environmentId: string,
  userId: string,
): PasswordState {
  const user = loadUser(ctx.db, environmentId, userId);
  const { policy, rules } = policyOfPopulation(ctx.db, user.environment_id, user.population_id);
  return { user, record: passwordRecordOf(user), policy, rules, now: ctx.clock.now() };
}

/**
 * Runs one password action in one transaction and returns the state it leaves. A failure that must be
 * remembered (a wrong password counts toward lockout) is committed first, then thrown.
 */
export function runPasswordAction(
  ctx: EmulatorContext,
  environmentId: string,
  userId: string,
  action: PasswordAction,
  body: JsonObject,
): PasswordState {
  assertActionBody(action, body);
  const { state, error } = ctx.db.transaction(() => {
    const now = ctx.clock.now();
    const user = loadUser(ctx.db, environmentId, userId);
    assertUsable(user, REFUSED_WHEN[action], now);
    const { policy, rules } = policyOfPopulation(ctx.db, user.environment_id, user.population_id);
    const record = normalizePasswordRecord(passwordRecordOf(user), now);
    const status = passwordStatusOf(record, rules, now);
    const outcome = ACTIONS[action]({ ctx, user, body, record, status, rules, now });
    savePasswordRecord(ctx.db, user.id, outcome.record, outcome.changed ? now : undefined);
    return { state: { user, record: outcome.record, policy, rules, now }, error: outcome.error };
  })();
  if (error !== undefined) throw error;
  return state;
}

/** Checks an action's body before anything is read or written. */
export function assertActionBody(action: PasswordAction, body: JsonObject): void {
  if (action === "setGateway") parseGatewayLink(body, "");
  else assertValid(body, BODIES[action].spec, { required: BODIES[action].required });
}

/** Refuses an action the user's account cannot take (ACCOUNT_NOT_USABLE), as the action's own rules say. */
export function assertActionAllowed(user: UserRow, action: PasswordAction, now: number): void {
  assertUsable(user, REFUSED_WHEN[action], now);
}

function assertUsable(user: UserRow, refusedWhen: readonly AccountNotUsableReason[], now: number): void {
  const reasons: Record<AccountNotUsableReason, boolean> = {
    DISABLED: user.enabled !== 1,
    LOCKED: isAccountLocked(user, now),
    // An external identity provider is authoritative once the user is linked to one of its accounts.
    EXTERNAL_IDP: user.identity_provider_id !== null && user.identity_provider_type !== "PING_ONE",
  };
  const reason = refusedWhen.find((candidate) => reasons[candidate]);
  if (reason !== undefined) throw PasswordErrors.accountNotUsable(reason);
}

/** Refusals shared by the self-service actions that need a usable local password. */
function assertPasswordUsable(input: ActionInput): void {
  if (input.status === "NO_PASSWORD" || input.status === "EXTERNAL" || input.record.hash === null) {
    throw PasswordErrors.noPassword();
  }
  if (input.status === "PASSWORD_LOCKED_OUT") {
    throw PasswordErrors.lockedOut(secondsUntilUnlock(input.record, input.now));
  }
}

/** Policy context: profile values, the current password and the remembered ones, all verified by hash. */
function policyContext(input: ActionInput, currentCleartext?: string): PasswordEvaluationContext {
  const { user, record, rules, now } = input;
  const remembered = rememberedPasswords(record.history, rules, now);
  const currentHash = record.hash;
  return {
    profileValues: profileValuesOf({
      username: user.username,
      email: user.email,
      name: {
        given: user.name_given,
        family: user.name_family,
        middle: user.name_middle,
        formatted: user.name_formatted,
      },
      nickname: user.nickname,
      primaryPhone: user.primary_phone,
      mobilePhone: user.mobile_phone,
    }),
    ...(currentCleartext === undefined ? {} : { currentCleartext }),
    isCurrentPassword: (candidate) => currentHash !== null && verifyPassword(candidate, currentHash),
    isInHistory: (candidate) => remembered.some((entry) => verifyPassword(candidate, entry.hash)),
  };
}

/** A new clear-text password typed by the user (reset, recover): never read as pre-encoded. */
function newSelfServicePassword(input: ActionInput, newPassword: string, currentCleartext?: string): string {
  const failures = evaluatePasswordPolicy(newPassword, input.rules, policyContext(input, currentCleartext));
  if (failures.length > 0) throw PasswordErrors.policyViolation("newPassword", failures);
  return hashPassword(newPassword);
}

const ACTIONS: Readonly<Record<PasswordAction, (input: ActionInput) => ActionOutcome>> = {
  check(input) {
    assertPasswordUsable(input);
    const { ctx, user, record, rules, now } = input;
    if (!verifyPassword(input.body.password as string, record.hash!)) {
      const failed = recordPasswordFailure(record, rules, now);
      return {
        record: failed,
        changed: false,
        error: PasswordErrors.wrongPassword(failuresRemaining(failed, rules, now)),
      };
    }
    // A password that must be changed first is correct but does not sign the user on.
    if (input.status === "OK") {
      createSession(ctx.db, { environmentId: user.environment_id, userId: user.id, now });
      recordSignOn(ctx.db, user.id, now);
    }
    return { record: recordPasswordSuccess(record, now), changed: false };
  },

  sendRecoveryCode(input) {
    assertPasswordUsable(input);
    const { ctx, user, record, now } = input;
    if (user.email === null || user.email === "") {
      throw invalidData([
        { code: "REQUIRED_VALUE", target: "email", message: ErrorMessages.noEmailForVerification },
      ]);
    }
    assertEmailQuota(ctx.db, user.id, now);
    const { code, record: codeRecord } = issueRecoveryCode(now);
    saveRecoveryCode(ctx.db, user.id, codeRecord);
    appendOutboxMessage(ctx.db, {
      type: OutboxMessageTypes.recoveryCode,
      environmentId: user.environment_id,
      userId: user.id,
      to: user.email,
      subject: "Password recovery code",
      code,
      template: "recovery_code",
      variables: { code },
      createdAt: now,
    });
    return { record, changed: false };
  },

  // A successful recovery also ends a password lockout (docs/emulator.md#account-lock), so it is allowed
  // while locked out.
  recover(input) {
    const { ctx, user, body, record, rules, now } = input;
    const checked = checkRecoveryCode(findRecoveryCode(ctx.db, user.id), body.recoveryCode as string, now);
    if (checked.outcome === "exhausted") throw PasswordErrors.recoveryCodeExhausted();
    if (checked.outcome === "invalid") {
      if (checked.record !== undefined) saveRecoveryCode(ctx.db, user.id, checked.record);
      return { record, changed: false, error: PasswordErrors.recoveryCodeInvalid() };
    }
    const hash = newSelfServicePassword(input, body.newPassword as string);
    deleteRecoveryCode(ctx.db, user.id);
    return { record: replacePassword(record, hash, rules, now, { mustChange: false }), changed: true };
  },

  forceChange(input) {
    if (input.record.hash === null) throw PasswordErrors.noPassword();
    return { record: forcePasswordChange(input.record), changed: false };
  },

  unlock(input) {
    return { record: clearPasswordLockout(input.record), changed: false };
  },

  reset(input) {
    assertPasswordUsable(input);
    const { body, record, rules, now, status } = input;
    const currentPassword = body.currentPassword as string;
    if (!verifyPassword(currentPassword, record.hash!)) {
      const failed = recordPasswordFailure(record, rules, now);
      return {
        record: failed,
        changed: false,
        error: PasswordErrors.wrongCurrentPassword(failuresRemaining(failed, rules, now)),
      };
    }
    // A change the user is required to make is never "too soon".
    const allowedAt = status === "OK" ? noChangeUntil(record, rules, now) : undefined;
    if (allowedAt !== undefined) throw PasswordErrors.tooYoung(toIsoTimestamp(allowedAt));
    const hash = newSelfServicePassword(input, body.newPassword as string, currentPassword);
    return { record: replacePassword(record, hash, rules, now, { mustChange: false }), changed: true };
  },

  set(input) {
    return adminSet(input, input.body.value as string);
  },

  setValue(input) {
    const value = input.body.value as string | undefined;
    if (value === undefined) {
      return { record: removePassword(input.record, input.rules, input.now), changed: true };
    }
    return adminSet(input, value);
  },

  // docs/emulator-gateways.md#linked-users
  setGateway(input) {
    const { ctx, user, body, record, rules, now } = input;
    const { link, userType } = resolveNewGatewayLink(
      ctx,
      user.environment_id,
      parseGatewayLink(body, ""),
      "",
    );
    const keepPassword = userType.passwordAuthority === "PING_ONE";
    return { record: linkToGateway(record, link, keepPassword, rules, now), changed: true };
  },
};

function adminSet(input: ActionInput, value: string): ActionOutcome {
  const { ctx, user, body, record, rules, now } = input;
  // PingOne holds the password from now on; a link stays only while its user type says so.
  const dropGatewayLink =
    record.externalGateway !== null &&
    linkedPasswordAuthority(ctx, user.environment_id, record.externalGateway) !== "PING_ONE";
  const { stored } = storedPasswordFor(value, {
    field: "value",
    policyTarget: "password",
    rules,
    context: policyContext(input),
    bypassPolicy: body.bypassPolicy === true,
  });
  return {
    record: replacePassword(record, stored, rules, now, {
      mustChange: body.forceChange === true,
      dropGatewayLink,
    }),
    changed: true,
  };
}

import { PingOneApiError, type PingOneErrorDetail } from "../../client/errors/api-error.js";
import type { ApiResponse } from "../../client/types.js";
import { CapabilityError } from "../kit/capability-error.js";
import type { CapabilityContext, CapabilityRequest } from "../kit/context.js";
import { readPasswordState } from "../kit/password-resource.js";
import { type CapabilityResult, succeed } from "../kit/result.js";
import { normalizePasswordState } from "../kit/schemas/password-state.js";
import { type ResolvedUser, resolveUser, type UserTargetInput } from "../kit/user-target.js";

/**
 * Turns a PingOne refusal of a password action into the capability's key, or leaves it to the
 * default. `user` is the resolved user (undefined only where a dry run did not read it).
 */
export type PasswordFailureRule = (
  ctx: CapabilityContext,
  error: PingOneApiError,
  user: Record<string, unknown> | undefined,
  userId: string,
) => Promise<CapabilityError | undefined> | CapabilityError | undefined;

/**
 * What Check, Change and Set Password share: resolve the user, refuse a disabled one, send the
 * password action as the last call and answer its password state, or classify its refusal.
 */
export async function passwordActionOnUser(
  ctx: CapabilityContext,
  target: UserTargetInput,
  action: (userId: string) => CapabilityRequest,
  classify: PasswordFailureRule,
): Promise<CapabilityResult> {
  const response = await passwordActionOn(ctx, await resolveUser(ctx, target), action, classify);
  return succeed({ passwordState: normalizePasswordState(response.body) }, response);
}

/**
 * The password action on a user already found: a disabled user is refused, the action is the
 * last call, and its refusal is classified by `classify` (or left to the general key).
 */
export async function passwordActionOn(
  ctx: CapabilityContext,
  user: ResolvedUser,
  action: (userId: string) => CapabilityRequest,
  classify: PasswordFailureRule,
): Promise<ApiResponse<Record<string, unknown>>> {
  refuseDisabledUser(user.resource);
  try {
    return await ctx.client.request<Record<string, unknown>>({ ...action(user.id), final: true });
  } catch (error) {
    if (!(error instanceof PingOneApiError)) throw error;
    throw (await classify(ctx, error, user.resource, user.id)) ?? error;
  }
}

/** The password status now, or undefined when it cannot be read (it only refines an error key). */
export async function currentPasswordStatus(
  ctx: CapabilityContext,
  userId: string,
): Promise<string | undefined> {
  try {
    const state = await readPasswordState(ctx, userId);
    return typeof state.body?.status === "string" ? state.body.status : undefined;
  } catch (error) {
    if (error instanceof PingOneApiError) return undefined;
    throw error;
  }
}

/**
 * `passwordLockedOut` when the password state is locked out, else `otherwise`: the failure that
 * triggers a lockout looks like any wrong password, so only the state tells them apart.
 */
export async function lockedOutOr(
  ctx: CapabilityContext,
  userId: string,
  error: PingOneApiError,
  otherwise?: CapabilityError,
): Promise<CapabilityError | undefined> {
  if ((await currentPasswordStatus(ctx, userId)) !== "PASSWORD_LOCKED_OUT") return otherwise;
  return new CapabilityError("passwordLockedOut", "The user's password is locked", { apiError: error });
}

/** Detail `NO_PASSWORD` → `noPassword`. */
export function noPassword(error: PingOneApiError): CapabilityError | undefined {
  if (!findDetail(error, "NO_PASSWORD")) return undefined;
  return new CapabilityError("noPassword", "The user does not have a password", { apiError: error });
}

/** The first detail with this code (and target, when given). */
export function findDetail(
  error: PingOneApiError,
  code: string,
  target?: string,
): PingOneErrorDetail | undefined {
  return error.details.find((d) => d.code === code && (target === undefined || d.target === target));
}

/**
 * Disabled users cannot use password operations (docs/connector-capabilities.md#disabled-users);
 * checked on the resolved user so the flow gets `userDisabled` without a call that would count
 * as a failure. A user a dry run did not read (undefined) is left to the real run.
 */
export function refuseDisabledUser(user: Record<string, unknown> | undefined): void {
  if (user?.enabled === false) {
    throw new CapabilityError("userDisabled", "The user is disabled");
  }
}

/**
 * `ACCOUNT_NOT_USABLE` (disabled, locked account or authoritative identity provider) →
 * `userDisabled` when the user is disabled, `accountNotUsable` otherwise
 * (docs/connector-capabilities.md#password-failures).
 */
export function accountNotUsable(
  error: PingOneApiError,
  user: Record<string, unknown> | undefined,
): CapabilityError | undefined {
  const detail = findDetail(error, "ACCOUNT_NOT_USABLE");
  if (!detail) return undefined;
  const disabled = user?.enabled === false || detail.innerError?.reason === "DISABLED";
  return new CapabilityError(
    disabled ? "userDisabled" : "accountNotUsable",
    detail.message ?? "The user account is not usable",
    { apiError: error },
  );
}

/** The account keys every password capability that resolves a user can raise. */
export const PASSWORD_USER_ERRORS = {
  userDisabled: "The user is disabled.",
  accountNotUsable: "The account is locked or its identity provider owns the password.",
};

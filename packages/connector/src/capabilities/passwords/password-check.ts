import { CapabilityError } from "../kit/capability-error.js";
import type { CapabilityContext, CapabilityRequest } from "../kit/context.js";
import { passwordAction } from "../kit/password-resource.js";
import {
  accountNotUsable,
  findDetail,
  lockedOutOr,
  noPassword,
  type PasswordFailureRule,
} from "./password-calls.js";

const CHECK = "application/vnd.pingidentity.password.check+json";

/** `POST P/users/{id}/password` with `password.check+json`: what Check Password and Single-Factor Sign On send. */
export function passwordCheck(ctx: CapabilityContext, userId: string, password: string): CapabilityRequest {
  return passwordAction(ctx, userId, "POST", CHECK, { password });
}

/** A refused check as its key (docs/connector-capabilities.md#password-failures). */
export const checkFailure: PasswordFailureRule = (ctx, error, user, userId) => {
  const refused = accountNotUsable(error, user) ?? noPassword(error);
  if (refused || !findDetail(error, "INVALID_VALUE", "password")) return refused;
  const wrong = new CapabilityError("passwordNotValid", "Invalid email/password combination", {
    apiError: error,
  });
  return lockedOutOr(ctx, userId, error, wrong);
};

/** The error keys a password check can raise, with what each means. */
export const CHECK_ERRORS = {
  passwordNotValid: "The password is wrong (it counts toward the lockout).",
  passwordLockedOut: "Too many failures: the password is locked out.",
  noPassword: "The user has no password.",
};

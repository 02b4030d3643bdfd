import { type Static, Type } from "@sinclair/typebox";
import { CapabilityError } from "../kit/capability-error.js";
import { defineCapability, type InputOf } from "../kit/definition.js";
import { escapeIdentifier } from "../kit/escape-identifier.js";
import { notificationSetting } from "../kit/notifications.js";
import { passwordAction } from "../kit/password-resource.js";
import { outputSchema } from "../kit/schema-helpers.js";
import { PasswordStateSchema } from "../kit/schemas/password-state.js";
import { userTarget } from "../kit/user-target.js";
import {
  accountNotUsable,
  findDetail,
  lockedOutOr,
  PASSWORD_USER_ERRORS,
  type PasswordFailureRule,
  passwordActionOnUser,
} from "./password-calls.js";

const notifications = notificationSetting(
  {
    variant: "changePasswordUserTemplateVariant",
    customVariant: "changePasswordUserCustomTemplateVariant",
    locale: "changePasswordUserTemplateLocale",
    variables: "changePasswordUserTemplateVariables",
  },
  "Password Change End User",
);

const RESET = "application/vnd.pingidentity.password.reset+json";

/** A13 Change Password: self-service, validated with the current password. */
export const resetPassword = defineCapability({
  id: "resetPassword",
  title: "Change Password",
  description: "Change a user's password to a new password using their current password for validation.",
  uses: [userTarget, escapeIdentifier, notifications],
  input: {
    currentPassword: Type.Optional(
      Type.String({ minLength: 1, description: "The user's current password." }),
    ),
    newPassword: Type.Optional(Type.String({ minLength: 1, description: "The user's new password." })),
  },
  output: outputSchema({ passwordState: PasswordStateSchema }),
  properties: {
    currentPassword: { displayName: "Current Password", control: "textField", secret: true },
    newPassword: { displayName: "New Password", control: "textField", secret: true },
  },
  errors: {
    currentPasswordNotValid: "Current password is not valid",
    newPasswordNotValid: "New password did not meet policy requirements",
    passwordTooYoung: "The password cannot be changed yet (minimum age).",
    passwordLockedOut: "Too many failures: the password is locked out.",
    requiredValue: "The current or the new password is missing.",
    ...PASSWORD_USER_ERRORS,
    notFound: "A resource other than the user was not found.",
  },
  examples: [
    {
      matchAttribute: "id",
      identifier: "f442f27a-6d9c-4280-891f-bed26a9bd9ce",
      currentPassword: "2FederateM0re!",
      newPassword: "N3wP@ssw0rd!",
    },
  ],
  async handler(input, ctx) {
    const missing = (["currentPassword", "newPassword"] as const).filter((name) => !input[name]);
    if (missing.length > 0) {
      throw new CapabilityError("requiredValue", `${missing.join(" and ")} must be given`);
    }
    const body = { currentPassword: input.currentPassword, newPassword: input.newPassword };
    return passwordActionOnUser(
      ctx,
      input,
      (id) => passwordAction(ctx, id, "PUT", RESET, body),
      resetFailure,
    );
  },
});

export type ResetPasswordInput = InputOf<typeof resetPassword>;
export type ResetPasswordOutput = Static<typeof resetPassword.output>;

/** docs/connector-capabilities.md#password-failures: the detail's target names the field. */
const resetFailure: PasswordFailureRule = (ctx, error, user, userId) => {
  const unusable = accountNotUsable(error, user);
  if (unusable) return unusable;
  const tooYoung = findDetail(error, "CONSTRAINT_VIOLATION");
  if (tooYoung && tooYoung.innerError?.noChangeUntil !== undefined) {
    return new CapabilityError("passwordTooYoung", tooYoung.message ?? "The password cannot be changed yet", {
      apiError: error,
    });
  }
  if (findDetail(error, "INVALID_VALUE", "newPassword")) {
    return new CapabilityError("newPasswordNotValid", "New password did not meet policy requirements", {
      apiError: error,
    });
  }
  if (
    findDetail(error, "INVALID_VALUE", "currentPassword") ||
    findDetail(error, "INVALID_VALUE", "password")
  ) {
    const wrong = new CapabilityError("currentPasswordNotValid", "Current password is not valid", {
      apiError: error,
    });
    return lockedOutOr(ctx, userId, error, wrong);
  }
  return undefined;
};

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
  PASSWORD_USER_ERRORS,
  type PasswordFailureRule,
  passwordActionOnUser,
} from "./password-calls.js";

const notifications = notificationSetting(
  {
    variant: "setPasswordAdminTemplateVariant",
    customVariant: "setPasswordAdminCustomTemplateVariant",
    locale: "setPasswordAdminTemplateLocale",
    variables: "setPasswordAdminTemplateVariables",
  },
  "Password Change Admin",
);

const SET = "application/vnd.pingidentity.password.set+json";

/** A14 Set Password: an administrative set, no current password. */
export const setPassword = defineCapability({
  id: "setPassword",
  title: "Set Password",
  description: "Set a user's password, optionally forcing the user to change password at next login.",
  uses: [userTarget, escapeIdentifier, notifications],
  input: {
    passwordValue: Type.String({
      minLength: 1,
      description: "The password to set; can be in a cleartext or pre-encoded format.",
    }),
    forceChange: Type.Optional(Type.Boolean({ default: false, description: "Force Change Password" })),
    bypassPolicy: Type.Optional(
      Type.Boolean({ default: false, description: "Bypass PingOne Password Policy" }),
    ),
  },
  output: outputSchema({ passwordState: PasswordStateSchema }),
  properties: {
    passwordValue: {
      displayName: "Password Value",
      control: "textField",
      info: "The password to set; it can be in a cleartext or pre-encoded format (for example {SSHA512}...).",
      secret: true,
    },
    forceChange: {
      displayName: "Force Change Password",
      control: "toggleSwitch",
      info: "The user must change the password at next sign-on.",
    },
    bypassPolicy: {
      displayName: "Bypass PingOne Password Policy",
      control: "toggleSwitch",
      info: "Do not check a cleartext password against the population's password policy.",
    },
  },
  errors: {
    passwordPolicyNotValid: "Password did not satisfy policy requirements",
    passwordStorageSchemeUnsupported: "The pre-encoded password uses an unsupported storage scheme.",
    invalidValue: "Another value was refused by PingOne.",
    requiredValue: "A required value is missing.",
    ...PASSWORD_USER_ERRORS,
    notFound: "A resource other than the user was not found.",
  },
  examples: [
    {
      matchAttribute: "id",
      identifier: "f442f27a-6d9c-4280-891f-bed26a9bd9ce",
      passwordValue: "N3wP@ssw0rd!",
    },
    {
      matchAttribute: "username",
      identifier: "johndoe",
      passwordValue: "{SSHA512}aGFzaA==",
      forceChange: true,
      bypassPolicy: false,
    },
  ],
  legacy: {
    // Older flows pass the value as newPassword.
    names: ["newPassword"],
    rewrite(input) {
      const empty = input.passwordValue === undefined || input.passwordValue === "";
      return empty && typeof input.newPassword === "string"
        ? { ...input, passwordValue: input.newPassword }
        : input;
    },
  },
  handler(input, ctx) {
    const body = {
      value: input.passwordValue,
      forceChange: input.forceChange ?? false,
      bypassPolicy: input.bypassPolicy ?? false,
    };
    return passwordActionOnUser(ctx, input, (id) => passwordAction(ctx, id, "PUT", SET, body), setFailure);
  },
});

export type SetPasswordInput = InputOf<typeof setPassword>;
export type SetPasswordOutput = Static<typeof setPassword.output>;

/** docs/connector-capabilities.md#password-failures: `allowedValues` marks an unsupported scheme. */
const setFailure: PasswordFailureRule = (_ctx, error, user) => {
  const unusable = accountNotUsable(error, user);
  if (unusable) return unusable;
  const invalid =
    findDetail(error, "INVALID_VALUE", "value") ?? findDetail(error, "INVALID_VALUE", "password");
  if (!invalid) return undefined;
  const scheme = Array.isArray(invalid.innerError?.allowedValues);
  return new CapabilityError(
    scheme ? "passwordStorageSchemeUnsupported" : "passwordPolicyNotValid",
    invalid.message ??
      (scheme ? "Unsupported password storage scheme" : "Password did not satisfy policy requirements"),
    { apiError: error },
  );
};

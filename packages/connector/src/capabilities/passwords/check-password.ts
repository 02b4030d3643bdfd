import { type Static, Type } from "@sinclair/typebox";
import { CapabilityError } from "../kit/capability-error.js";
import { defineCapability, type InputOf } from "../kit/definition.js";
import { escapeIdentifier } from "../kit/escape-identifier.js";
import { passwordAction } from "../kit/password-resource.js";
import { outputSchema } from "../kit/schema-helpers.js";
import { PasswordStateSchema } from "../kit/schemas/password-state.js";
import { userTarget } from "../kit/user-target.js";
import {
  accountNotUsable,
  findDetail,
  lockedOutOr,
  noPassword,
  PASSWORD_USER_ERRORS,
  type PasswordFailureRule,
  passwordActionOnUser,
} from "./password-calls.js";

const CHECK = "application/vnd.pingidentity.password.check+json";

/** A3 Check Password. `MUST_CHANGE_PASSWORD` and `PASSWORD_EXPIRED` are successes: flows branch on them. */
export const checkPassword = defineCapability({
  id: "checkPassword",
  title: "Check Password",
  description: "Validate a user's password.",
  uses: [userTarget, escapeIdentifier],
  input: { password: Type.String({ minLength: 1, description: "Password" }) },
  output: outputSchema({ passwordState: PasswordStateSchema }),
  properties: {
    password: {
      displayName: "Password",
      control: "textField",
      info: "The user's password to validate.",
      secret: true,
    },
  },
  errors: {
    passwordNotValid: "The password is wrong (it counts toward the lockout).",
    passwordLockedOut: "Too many failures: the password is locked out.",
    noPassword: "The user has no password.",
    ...PASSWORD_USER_ERRORS,
    notFound: "A resource other than the user was not found.",
  },
  examples: [
    { matchAttribute: "username", identifier: "johndoe", password: "2FederateM0re!" },
    { matchAttribute: "id", identifier: "f442f27a-6d9c-4280-891f-bed26a9bd9ce", password: "x" },
  ],
  handler(input, ctx) {
    const check = (id: string) => passwordAction(ctx, id, "POST", CHECK, { password: input.password });
    return passwordActionOnUser(ctx, input, check, checkFailure);
  },
});

export type CheckPasswordInput = InputOf<typeof checkPassword>;
export type CheckPasswordOutput = Static<typeof checkPassword.output>;

/** docs/connector-capabilities.md#password-failures */
const checkFailure: PasswordFailureRule = (ctx, error, user, userId) => {
  const refused = accountNotUsable(error, user) ?? noPassword(error);
  if (refused || !findDetail(error, "INVALID_VALUE", "password")) return refused;
  const wrong = new CapabilityError("passwordNotValid", "Invalid email/password combination", {
    apiError: error,
  });
  return lockedOutOr(ctx, userId, error, wrong);
};

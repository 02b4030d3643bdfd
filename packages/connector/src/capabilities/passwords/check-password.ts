import { type Static, Type } from "@sinclair/typebox";
import { defineCapability, type InputOf } from "../kit/definition.js";
import { escapeIdentifier } from "../kit/escape-identifier.js";
import { outputSchema } from "../kit/schema-helpers.js";
import { PasswordStateSchema } from "../kit/schemas/password-state.js";
import { userTarget } from "../kit/user-target.js";
import { PASSWORD_USER_ERRORS, passwordActionOnUser } from "./password-calls.js";
import { CHECK_ERRORS, checkFailure, passwordCheck } from "./password-check.js";

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
    ...CHECK_ERRORS,
    ...PASSWORD_USER_ERRORS,
    notFound: "A resource other than the user was not found.",
  },
  examples: [
    { matchAttribute: "username", identifier: "johndoe", password: "2FederateM0re!" },
    { matchAttribute: "id", identifier: "f442f27a-6d9c-4280-891f-bed26a9bd9ce", password: "x" },
  ],
  handler(input, ctx) {
    return passwordActionOnUser(ctx, input, (id) => passwordCheck(ctx, id, input.password), checkFailure);
  },
});

export type CheckPasswordInput = InputOf<typeof checkPassword>;
export type CheckPasswordOutput = Static<typeof checkPassword.output>;

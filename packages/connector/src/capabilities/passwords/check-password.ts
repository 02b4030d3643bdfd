import { type Static, Type } from "@sinclair/typebox";
import { PingOneApiError } from "../../client/errors/api-error.js";
import { CapabilityError } from "../kit/capability-error.js";
import type { CapabilityContext } from "../kit/context.js";
import { defineCapability } from "../kit/definition.js";
import { escapeIdentifier } from "../kit/escape-identifier.js";
import { succeed } from "../kit/result.js";
import { outputSchema } from "../kit/schema-helpers.js";
import { normalizePasswordState, PasswordStateSchema } from "../kit/schemas/password-state.js";
import { resolveUser, userTarget } from "../kit/user-target.js";
import {
  accountNotUsable,
  currentPasswordStatus,
  findDetail,
  PASSWORD_USER_ERRORS,
  passwordAction,
  refuseDisabledUser,
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
  async handler(input, ctx) {
    const { resource: user, id } = await resolveUser(ctx, input);
    refuseDisabledUser(user);
    try {
      const response = await ctx.client.request<Record<string, unknown>>({
        ...passwordAction(ctx, id, "POST", CHECK, { password: input.password }),
        final: true,
      });
      return succeed({ passwordState: normalizePasswordState(response.body) }, response);
    } catch (error) {
      if (!(error instanceof PingOneApiError)) throw error;
      throw (await classifyCheckFailure(ctx, error, user, id)) ?? error;
    }
  },
});

export type CheckPasswordInput = Static<typeof checkPassword.input>;
export type CheckPasswordOutput = Static<typeof checkPassword.output>;

/** docs/connector-capabilities.md#password-failures: the state tells a lockout from a wrong password. */
async function classifyCheckFailure(
  ctx: CapabilityContext,
  error: PingOneApiError,
  user: Record<string, unknown>,
  userId: string,
): Promise<CapabilityError | undefined> {
  const unusable = accountNotUsable(error, user);
  if (unusable) return unusable;
  if (findDetail(error, "NO_PASSWORD")) {
    return new CapabilityError("noPassword", "The user does not have a password", { apiError: error });
  }
  if (findDetail(error, "INVALID_VALUE", "password")) {
    // The failure that triggers a lockout looks like any wrong password.
    const lockedOut = (await currentPasswordStatus(ctx, userId)) === "PASSWORD_LOCKED_OUT";
    return lockedOut
      ? new CapabilityError("passwordLockedOut", "The user's password is locked", { apiError: error })
      : new CapabilityError("passwordNotValid", "Invalid email/password combination", { apiError: error });
  }
  return undefined;
}

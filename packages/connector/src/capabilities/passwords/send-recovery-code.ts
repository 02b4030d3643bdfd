import type { Static } from "@sinclair/typebox";
import { PingOneApiError } from "../../client/errors/api-error.js";
import { defineCapability, type InputOf } from "../kit/definition.js";
import { escapeIdentifier } from "../kit/escape-identifier.js";
import { notificationSetting } from "../kit/notifications.js";
import { passwordAction, readPasswordState } from "../kit/password-resource.js";
import { succeed } from "../kit/result.js";
import { outputSchema } from "../kit/schema-helpers.js";
import { normalizePasswordState, PasswordStateSchema } from "../kit/schemas/password-state.js";
import { resolveUser, userTarget } from "../kit/user-target.js";
import {
  accountNotUsable,
  findDetail,
  lockedOutOr,
  noPassword,
  PASSWORD_USER_ERRORS,
  type PasswordFailureRule,
  refuseDisabledUser,
} from "./password-calls.js";

const notifications = notificationSetting(
  {
    variant: "templateVariant",
    customVariant: "customTemplateVariant",
    locale: "templateLocale",
    variables: "templateVariables",
  },
  "Password Recovery",
);

const SEND = "application/vnd.pingidentity.password.sendRecoveryCode+json";

/** A11 Send Password Recovery Code: PingOne emails an 8-character code valid 5 minutes. */
export const sendRecoveryCode = defineCapability({
  id: "sendRecoveryCode",
  title: "Send Password Recovery Code",
  description: "Send recovery codes to users' email addresses to recover forgotten passwords.",
  uses: [userTarget, escapeIdentifier, notifications],
  output: outputSchema({ passwordState: PasswordStateSchema }),
  errors: {
    noPassword: "The user has no password to recover.",
    passwordLockedOut: "The password is locked out.",
    requestLimited: "Too many requests; try later.",
    quotaExceeded: "Too many emails to this user today.",
    ...PASSWORD_USER_ERRORS,
  },
  examples: [
    { matchAttribute: "email", identifier: "ping@pingidentity.com" },
    // A legacy input: userId is mapped onto identifier before validation.
    { userId: "f442f27a-6d9c-4280-891f-bed26a9bd9ce" } as never,
  ],
  async handler(input, ctx) {
    const { resource: user, id } = await resolveUser(ctx, input);
    refuseDisabledUser(user);
    let response: Awaited<ReturnType<typeof readPasswordState>>;
    try {
      response = await ctx.client.request<Record<string, unknown>>(passwordAction(ctx, id, "POST", SEND));
    } catch (error) {
      if (!(error instanceof PingOneApiError)) throw error;
      throw (await sendFailure(ctx, error, user, id)) ?? error;
    }
    // The action's body is not documented: the state is read back unless it came with it.
    const state =
      typeof response.body?.status === "string"
        ? response.body
        : (await readPasswordState(ctx, id, { final: true })).body;
    return succeed({ passwordState: normalizePasswordState(state) }, response, {
      rawResponse: response.body ?? {},
    });
  },
});

export type SendRecoveryCodeInput = InputOf<typeof sendRecoveryCode>;
export type SendRecoveryCodeOutput = Static<typeof sendRecoveryCode.output>;

/** docs/connector-capabilities.md#password-failures */
const sendFailure: PasswordFailureRule = (ctx, error, user, userId) => {
  const refused = accountNotUsable(error, user) ?? noPassword(error);
  if (refused || !findDetail(error, "INVALID_VALUE", "password")) return refused;
  return lockedOutOr(ctx, userId, error);
};

import { type Static, Type } from "@sinclair/typebox";
import { PingOneApiError } from "../../client/errors/api-error.js";
import { CapabilityError } from "../kit/capability-error.js";
import { defineCapability } from "../kit/definition.js";
import { notificationProperties } from "../kit/notifications.js";
import { succeed } from "../kit/result.js";
import { outputSchema } from "../kit/schema-helpers.js";
import { normalizePasswordState, PasswordStateSchema } from "../kit/schemas/password-state.js";
import {
  acceptLegacyUserId,
  ESCAPE_IDENTIFIER_INPUT,
  ESCAPE_IDENTIFIER_UI,
  resolveUser,
  USER_TARGET_ERRORS,
  USER_TARGET_INPUT,
  USER_TARGET_UI,
} from "../kit/user-target.js";
import {
  accountNotUsable,
  currentPasswordStatus,
  findDetail,
  PASSWORD_USER_ERRORS,
  passwordAction,
  readPasswordState,
  refuseDisabledUser,
} from "./password-calls.js";

const notifications = notificationProperties(
  {
    variant: "templateVariant",
    customVariant: "customTemplateVariant",
    locale: "templateLocale",
    variables: "templateVariables",
  },
  "Password Recovery",
);

const SendRecoveryCodeInput = Type.Object({
  ...USER_TARGET_INPUT,
  ...ESCAPE_IDENTIFIER_INPUT,
  ...notifications.input,
});
const SendRecoveryCodeOutput = outputSchema({ passwordState: PasswordStateSchema });

export type SendRecoveryCodeInput = Static<typeof SendRecoveryCodeInput>;
export type SendRecoveryCodeOutput = Static<typeof SendRecoveryCodeOutput>;

const SEND = "application/vnd.pingidentity.password.sendRecoveryCode+json";

/** A11 Send Password Recovery Code: PingOne emails an 8-character code valid 5 minutes. */
export const sendRecoveryCode = defineCapability({
  id: "sendRecoveryCode",
  title: "Send Password Recovery Code",
  description: "Send recovery codes to users' email addresses to recover forgotten passwords.",
  input: SendRecoveryCodeInput,
  output: SendRecoveryCodeOutput,
  properties: { ...USER_TARGET_UI, ...ESCAPE_IDENTIFIER_UI, ...notifications.ui },
  errors: {
    noPassword: "The user has no password to recover.",
    passwordLockedOut: "The password is locked out.",
    requestLimited: "Too many requests; try later.",
    quotaExceeded: "Too many emails to this user today.",
    ...PASSWORD_USER_ERRORS,
    ...USER_TARGET_ERRORS,
  },
  examples: [
    { matchAttribute: "email", identifier: "ping@pingidentity.com" },
    { userId: "f442f27a-6d9c-4280-891f-bed26a9bd9ce" } as unknown as SendRecoveryCodeInput,
  ],
  acceptLegacy: acceptLegacyUserId,
  async handler(input, ctx) {
    const { resource: user, id } = await resolveUser(ctx, input);
    refuseDisabledUser(user);
    let response: Awaited<ReturnType<typeof readPasswordState>>;
    try {
      response = await ctx.client.request<Record<string, unknown>>(passwordAction(ctx, id, "POST", SEND));
    } catch (error) {
      if (!(error instanceof PingOneApiError)) throw error;
      const unusable = accountNotUsable(error, user);
      if (unusable) throw unusable;
      if (findDetail(error, "NO_PASSWORD")) {
        throw new CapabilityError("noPassword", "The user does not have a password", { apiError: error });
      }
      if (
        findDetail(error, "INVALID_VALUE", "password") &&
        (await currentPasswordStatus(ctx, id)) === "PASSWORD_LOCKED_OUT"
      ) {
        throw new CapabilityError("passwordLockedOut", "The user's password is locked", { apiError: error });
      }
      throw error;
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

import { type Static, Type } from "@sinclair/typebox";
import { defineCapability } from "../kit/definition.js";
import { succeed } from "../kit/result.js";
import { outputSchema } from "../kit/schema-helpers.js";
import { normalizeUser, UserSchema } from "../kit/schemas/user.js";
import {
  acceptLegacyUserId,
  ESCAPE_IDENTIFIER_INPUT,
  ESCAPE_IDENTIFIER_UI,
  resolveUser,
  USER_TARGET_ERRORS,
  USER_TARGET_INPUT,
  USER_TARGET_UI,
} from "../kit/user-target.js";
import { postUserAction, userAfterAction } from "./user-action.js";

const SendVerificationCodeInput = Type.Object({ ...USER_TARGET_INPUT, ...ESCAPE_IDENTIFIER_INPUT });
const SendVerificationCodeOutput = outputSchema({ user: UserSchema });

export type SendVerificationCodeInput = Static<typeof SendVerificationCodeInput>;
export type SendVerificationCodeOutput = Static<typeof SendVerificationCodeOutput>;

const SEND = "application/vnd.pingidentity.user.sendVerificationCode+json";

/** A9 Send Email Verification Code: a new code; the user goes (back) to VERIFICATION_REQUIRED. */
export const sendVerificationCode = defineCapability({
  id: "sendVerificationCode",
  title: "Send Email Verification Code",
  description: "Send a verification code to the user that can be used to verify their email.",
  input: SendVerificationCodeInput,
  output: SendVerificationCodeOutput,
  properties: { ...USER_TARGET_UI, ...ESCAPE_IDENTIFIER_UI },
  errors: {
    requiredValue: "The user has no email address.",
    requestLimited: "Too many requests; try later.",
    quotaExceeded: "Too many emails to this user today.",
    ...USER_TARGET_ERRORS,
  },
  examples: [{ matchAttribute: "id", identifier: "f442f27a-6d9c-4280-891f-bed26a9bd9ce" }],
  acceptLegacy: acceptLegacyUserId,
  async handler(input, ctx) {
    const { id } = await resolveUser(ctx, input);
    const response = await postUserAction(ctx, id, SEND);
    const user = await userAfterAction(ctx, id, response);
    return succeed({ user: normalizeUser(user) }, response, { rawResponse: response.body ?? {} });
  },
});

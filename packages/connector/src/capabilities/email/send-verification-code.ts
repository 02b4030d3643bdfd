import type { Static } from "@sinclair/typebox";
import { defineCapability, type InputOf } from "../kit/definition.js";
import { escapeIdentifier } from "../kit/escape-identifier.js";
import { succeed } from "../kit/result.js";
import { outputSchema } from "../kit/schema-helpers.js";
import { normalizeUser, UserSchema } from "../kit/schemas/user.js";
import { resolveUser, userTarget } from "../kit/user-target.js";
import { postUserAction, userAfterAction } from "./user-action.js";

const SEND = "application/vnd.pingidentity.user.sendVerificationCode+json";

/** A9 Send Email Verification Code: a new code; the user goes (back) to VERIFICATION_REQUIRED. */
export const sendVerificationCode = defineCapability({
  id: "sendVerificationCode",
  title: "Send Email Verification Code",
  description: "Send a verification code to the user that can be used to verify their email.",
  uses: [userTarget, escapeIdentifier],
  output: outputSchema({ user: UserSchema }),
  errors: {
    requiredValue: "The user has no email address.",
    requestLimited: "Too many requests; try later.",
    quotaExceeded: "Too many emails to this user today.",
  },
  examples: [{ matchAttribute: "id", identifier: "f442f27a-6d9c-4280-891f-bed26a9bd9ce" }],
  async handler(input, ctx) {
    const { id } = await resolveUser(ctx, input);
    const response = await postUserAction(ctx, id, SEND);
    const user = await userAfterAction(ctx, id, response);
    return succeed({ user: normalizeUser(user) }, response, { rawResponse: response.body ?? {} });
  },
});

export type SendVerificationCodeInput = InputOf<typeof sendVerificationCode>;
export type SendVerificationCodeOutput = Static<typeof sendVerificationCode.output>;

import { type Static, Type } from "@sinclair/typebox";
import { PingOneApiError } from "../../client/errors/api-error.js";
import { CapabilityError } from "../kit/capability-error.js";
import { defineCapability, type InputOf } from "../kit/definition.js";
import { succeed } from "../kit/result.js";
import { outputSchema } from "../kit/schema-helpers.js";
import { normalizeUser, UserSchema } from "../kit/schemas/user.js";
import { resolveUser, userTarget } from "../kit/user-target.js";
import { postUserAction, userAfterAction } from "./user-action.js";

const VERIFY = "application/vnd.pingidentity.user.verify+json";

/** A10 Validate Verification Code: the user becomes ACCOUNT_OK with a verified email. */
export const verifyEmail = defineCapability({
  id: "verifyEmail",
  title: "Validate Verification Code",
  description: "Verifies the provided code that was sent to a user's email during account creation.",
  uses: [userTarget],
  input: {
    verificationCode: Type.String({
      minLength: 0,
      maxLength: 100,
      description: "Code to verify a user's account",
    }),
  },
  output: outputSchema({ user: UserSchema }),
  properties: {
    verificationCode: {
      displayName: "Verification Code",
      control: "textField",
      info: "Enter the code to verify a user's account.",
      secret: true,
    },
  },
  errors: {
    invalidValue: "Invalid verification code",
    emptyValue: "Enter verification code",
    verificationCode:
      "Kept for flows that branch on it; not raised, because PingOne answers a superseded code like a wrong one (invalidValue).",
    notFound: "A resource other than the user was not found.",
  },
  examples: [
    {
      matchAttribute: "id",
      identifier: "f442f27a-6d9c-4280-891f-bed26a9bd9ce",
      verificationCode: "X7K2P9QM",
    },
  ],
  async handler(input, ctx) {
    if (input.verificationCode.trim() === "") {
      throw new CapabilityError("emptyValue", "Enter verification code");
    }
    const { id } = await resolveUser(ctx, input);
    let response: Awaited<ReturnType<typeof postUserAction>>;
    try {
      response = await postUserAction(ctx, id, VERIFY, { verificationCode: input.verificationCode });
    } catch (error) {
      if (error instanceof PingOneApiError && error.details.some((d) => d.code === "INVALID_VALUE")) {
        throw new CapabilityError("invalidValue", "Invalid verification code", { apiError: error });
      }
      throw error;
    }
    const user = await userAfterAction(ctx, id, response);
    return succeed({ user: normalizeUser(user) }, response, { rawResponse: response.body ?? {} });
  },
});

export type VerifyEmailInput = InputOf<typeof verifyEmail>;
export type VerifyEmailOutput = Static<typeof verifyEmail.output>;

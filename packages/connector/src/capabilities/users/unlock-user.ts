import { type Static, Type } from "@sinclair/typebox";
import { PingOneApiError } from "../../client/errors/api-error.js";
import type { ApiResponse } from "../../client/types.js";
import { isSafePathSegment } from "../../input/path-segment.js";
import { CapabilityError } from "../kit/capability-error.js";
import { defineCapability, type InputOf } from "../kit/definition.js";
import { passwordAction, readPasswordState } from "../kit/password-resource.js";
import { succeed } from "../kit/result.js";
import { outputSchema } from "../kit/schema-helpers.js";
import { normalizeUser, UserSchema } from "../kit/schemas/user.js";
import { userPath } from "../kit/user-target.js";

const UNLOCK_ACCOUNT = "application/vnd.pingidentity.account.unlock+json";
// Documented without the +json suffix (docs/connector-capabilities.md#media-types).
const UNLOCK_PASSWORD = "application/vnd.pingidentity.password.unlock";

/**
 * A35 Unlock User: clears the account lock, then a password lockout if there is one, so that a
 * user locked out by wrong passwords can sign on again (the second step is proposed behaviour).
 */
export const unlockUser = defineCapability({
  id: "unlockUser",
  title: "Unlock User",
  description: "Unlock a user by their user ID.",
  input: { userId: Type.String({ description: "ID of the User." }) },
  output: outputSchema({ user: UserSchema }),
  properties: { userId: { displayName: "User ID", control: "textField", info: "Enter the ID of the user." } },
  errors: {
    noUserMatch: "No user has this id.",
    invalidInput: "The user id is empty.",
  },
  examples: [{ userId: "f442f27a-6d9c-4280-891f-bed26a9bd9ce" }],
  async handler(input, ctx) {
    if (input.userId.trim() === "") {
      throw new CapabilityError("invalidInput", "userId must not be empty");
    }
    if (!isSafePathSegment(input.userId)) {
      throw new CapabilityError("noUserMatch", "No user has this id", { httpResponseCode: 404 });
    }
    let response: ApiResponse<Record<string, unknown>> | undefined;
    try {
      // The password state read that follows is the input's user: a dry run shows it too.
      response = await ctx.client.requestAhead<Record<string, unknown>>({
        method: "POST",
        path: userPath(ctx, input.userId),
        contentType: UNLOCK_ACCOUNT,
      });
    } catch (error) {
      if (error instanceof PingOneApiError && (error.status === 404 || error.status === 400)) {
        throw new CapabilityError("noUserMatch", "No user has this id", { apiError: error });
      }
      throw error;
    }
    const userId = typeof response?.body?.id === "string" ? response.body.id : input.userId;
    const state = await readPasswordState(ctx, userId);
    if (state.body?.status === "PASSWORD_LOCKED_OUT") {
      await ctx.client.request({ ...passwordAction(ctx, userId, "POST", UNLOCK_PASSWORD), final: true });
    }
    // Only a dry run records the unlock without an answer, and it stops at the state read.
    if (response === undefined) throw new Error("unlockUser: the account unlock has no answer");
    return succeed({ user: normalizeUser(response.body) }, response);
  },
});

export type UnlockUserInput = InputOf<typeof unlockUser>;
export type UnlockUserOutput = Static<typeof unlockUser.output>;

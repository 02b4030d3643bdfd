import { type Static, Type } from "@sinclair/typebox";
import { PingOneApiError } from "../../client/errors/api-error.js";
import { CapabilityError } from "../kit/capability-error.js";
import { defineCapability } from "../kit/definition.js";
import { succeed } from "../kit/result.js";
import { outputSchema } from "../kit/schema-helpers.js";
import {
  acceptLegacyUserId,
  ESCAPE_IDENTIFIER_INPUT,
  ESCAPE_IDENTIFIER_UI,
  resolveUser,
  USER_TARGET_ERRORS,
  USER_TARGET_INPUT,
  USER_TARGET_UI,
  userPath,
} from "../kit/user-target.js";

const DeleteUserInput = Type.Object({ ...USER_TARGET_INPUT, ...ESCAPE_IDENTIFIER_INPUT });
const DeleteUserOutput = outputSchema({});

export type DeleteUserInput = Static<typeof DeleteUserInput>;
export type DeleteUserOutput = Static<typeof DeleteUserOutput>;

/** A7 Delete User. */
export const deleteUser = defineCapability({
  id: "deleteUser",
  title: "Delete User",
  description: "Delete users.",
  input: DeleteUserInput,
  output: DeleteUserOutput,
  properties: { ...USER_TARGET_UI, ...ESCAPE_IDENTIFIER_UI },
  errors: USER_TARGET_ERRORS,
  examples: [{ matchAttribute: "username", identifier: "johndoe" }],
  acceptLegacy: acceptLegacyUserId,
  async handler(input, ctx) {
    const { id } = await resolveUser(ctx, input);
    try {
      const response = await ctx.client.request({
        method: "DELETE",
        path: userPath(ctx, id),
        final: true,
      });
      return succeed({}, response, { rawResponse: {} });
    } catch (error) {
      // Deleted between the lookup and the delete: still no such user.
      if (error instanceof PingOneApiError && error.status === 404) {
        throw new CapabilityError("noUserMatch", "No user matches the identifier", { apiError: error });
      }
      throw error;
    }
  },
});

import type { Static } from "@sinclair/typebox";
import { PingOneApiError } from "../../client/errors/api-error.js";
import { CapabilityError } from "../kit/capability-error.js";
import { defineCapability, type InputOf } from "../kit/definition.js";
import { escapeIdentifier } from "../kit/escape-identifier.js";
import { succeed } from "../kit/result.js";
import { outputSchema } from "../kit/schema-helpers.js";
import { resolveUser, userPath, userTarget } from "../kit/user-target.js";

/** A7 Delete User. */
export const deleteUser = defineCapability({
  id: "deleteUser",
  title: "Delete User",
  description: "Delete users.",
  uses: [userTarget, escapeIdentifier],
  output: outputSchema({}),
  examples: [{ matchAttribute: "username", identifier: "johndoe" }],
  async handler(input, ctx) {
    const { id } = await resolveUser(ctx, input);
    try {
      const response = await ctx.client.request({ method: "DELETE", path: userPath(ctx, id), final: true });
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

export type DeleteUserInput = InputOf<typeof deleteUser>;
export type DeleteUserOutput = Static<typeof deleteUser.output>;

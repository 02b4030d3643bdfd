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

const ReadUserInput = Type.Object({ ...USER_TARGET_INPUT, ...ESCAPE_IDENTIFIER_INPUT });
const ReadUserOutput = outputSchema({ user: UserSchema });

export type ReadUserInput = Static<typeof ReadUserInput>;
export type ReadUserOutput = Static<typeof ReadUserOutput>;

/** A5 Read User: the user resolved by id, username or email. */
export const readUser = defineCapability({
  id: "readUser",
  title: "Read User",
  description: "Find user information.",
  input: ReadUserInput,
  output: ReadUserOutput,
  properties: { ...USER_TARGET_UI, ...ESCAPE_IDENTIFIER_UI },
  errors: USER_TARGET_ERRORS,
  examples: [
    { matchAttribute: "id", identifier: "f442f27a-6d9c-4280-891f-bed26a9bd9ce" },
    { matchAttribute: "username", identifier: "johndoe", escapeIdentifier: true },
    { matchAttribute: "email", identifier: "ping@pingidentity.com" },
  ],
  acceptLegacy: acceptLegacyUserId,
  async handler(input, ctx) {
    const found = await resolveUser(ctx, input, { final: true });
    // Through a filter, rawResponse is the one user taken from the list, not the list.
    return succeed({ user: normalizeUser(found.resource) }, found.response, { rawResponse: found.resource });
  },
});

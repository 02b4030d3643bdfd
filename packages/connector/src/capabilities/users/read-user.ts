import type { Static } from "@sinclair/typebox";
import { defineCapability, type InputOf } from "../kit/definition.js";
import { escapeIdentifier } from "../kit/escape-identifier.js";
import { succeed } from "../kit/result.js";
import { outputSchema } from "../kit/schema-helpers.js";
import { normalizeUser, UserSchema } from "../kit/schemas/user.js";
import { resolveUser, userTarget } from "../kit/user-target.js";

/** A5 Read User: the user resolved by id, username or email. */
export const readUser = defineCapability({
  id: "readUser",
  title: "Read User",
  description: "Find user information.",
  uses: [userTarget, escapeIdentifier],
  output: outputSchema({ user: UserSchema }),
  examples: [
    { matchAttribute: "id", identifier: "f442f27a-6d9c-4280-891f-bed26a9bd9ce" },
    { matchAttribute: "username", identifier: "johndoe", escapeIdentifier: true },
    { matchAttribute: "email", identifier: "ping@pingidentity.com" },
  ],
  async handler(input, ctx) {
    const found = await resolveUser(ctx, input, { final: true });
    // Through a filter, rawResponse is the one user taken from the list, not the list.
    return succeed({ user: normalizeUser(found.resource) }, found.response, { rawResponse: found.resource });
  },
});

export type ReadUserInput = InputOf<typeof readUser>;
export type ReadUserOutput = Static<typeof readUser.output>;

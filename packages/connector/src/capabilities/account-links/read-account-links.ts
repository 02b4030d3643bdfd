import { type Static, Type } from "@sinclair/typebox";
import { defineCapability } from "../kit/definition.js";
import { readCollection } from "../kit/read-collection.js";
import { succeed } from "../kit/result.js";
import { outputSchema } from "../kit/schema-helpers.js";
import { LinkedAccountSchema } from "../kit/schemas/linked-account.js";
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

const ReadAccountLinksInput = Type.Object({ ...USER_TARGET_INPUT, ...ESCAPE_IDENTIFIER_INPUT });
const ReadAccountLinksOutput = outputSchema({
  linkedAccounts: Type.Array(LinkedAccountSchema, { description: "The user's account links" }),
});

export type ReadAccountLinksInput = Static<typeof ReadAccountLinksInput>;
export type ReadAccountLinksOutput = Static<typeof ReadAccountLinksOutput>;

/** A16 Read Account Links: `GET P/users/{id}/linkedAccounts`, every page. */
export const readAccountLinks = defineCapability({
  id: "readAccountLinks",
  title: "Read Account Links",
  description: "Read a user's account links.",
  input: ReadAccountLinksInput,
  output: ReadAccountLinksOutput,
  properties: { ...USER_TARGET_UI, ...ESCAPE_IDENTIFIER_UI },
  errors: USER_TARGET_ERRORS,
  examples: [
    { matchAttribute: "id", identifier: "f442f27a-6d9c-4280-891f-bed26a9bd9ce" },
    { matchAttribute: "username", identifier: "johndoe", escapeIdentifier: false },
  ],
  acceptLegacy: acceptLegacyUserId,
  async handler(input, ctx) {
    const user = await resolveUser(ctx, input);
    const { items, response } = await readCollection<Record<string, unknown>>(
      ctx,
      `${userPath(ctx, user.id)}/linkedAccounts`,
      { embedded: "linkedAccounts" },
    );
    const rawResponse = { _embedded: { linkedAccounts: items }, count: items.length, size: items.length };
    return succeed({ linkedAccounts: items }, response, { rawResponse });
  },
});

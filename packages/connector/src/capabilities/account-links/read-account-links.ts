import { type Static, Type } from "@sinclair/typebox";
import { defineCapability, type InputOf } from "../kit/definition.js";
import { escapeIdentifier } from "../kit/escape-identifier.js";
import { readCollection } from "../kit/read-collection.js";
import { succeed } from "../kit/result.js";
import { outputSchema } from "../kit/schema-helpers.js";
import { LinkedAccountSchema } from "../kit/schemas/linked-account.js";
import { resolveUser, userPath, userTarget } from "../kit/user-target.js";

/** A16 Read Account Links: `GET P/users/{id}/linkedAccounts`, every page. */
export const readAccountLinks = defineCapability({
  id: "readAccountLinks",
  title: "Read Account Links",
  description: "Read a user's account links.",
  uses: [userTarget, escapeIdentifier],
  output: outputSchema({
    linkedAccounts: Type.Array(LinkedAccountSchema, { description: "The user's account links" }),
  }),
  examples: [
    { matchAttribute: "id", identifier: "f442f27a-6d9c-4280-891f-bed26a9bd9ce" },
    { matchAttribute: "username", identifier: "johndoe", escapeIdentifier: false },
  ],
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

export type ReadAccountLinksInput = InputOf<typeof readAccountLinks>;
export type ReadAccountLinksOutput = Static<typeof readAccountLinks.output>;

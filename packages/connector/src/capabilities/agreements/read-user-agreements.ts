import { type Static, Type } from "@sinclair/typebox";
import { defineCapability, type InputOf } from "../kit/definition.js";
import { escapeIdentifier } from "../kit/escape-identifier.js";
import { succeed } from "../kit/result.js";
import { outputSchema } from "../kit/schema-helpers.js";
import { UserAgreementSchema } from "../kit/schemas/user-agreement.js";
import { withoutLinks } from "../kit/schemas/without-links.js";
import { resolveUser, userTarget } from "../kit/user-target.js";
import { ACCEPT_LANGUAGE_INPUT, ACCEPT_LANGUAGE_UI, acceptLanguageHeader } from "./agreement-properties.js";
import { consentsPath } from "./consent-path.js";

/**
 * A19 Read User Agreements: the user's latest consent per agreement, re-keyed as
 * `_embedded.userAgreements` in rawResponse as the product's example shows.
 */
export const readUserAgreements = defineCapability({
  id: "readUserAgreements",
  title: "Read User Agreements",
  description: "Find information about agreements users have accepted or signed.",
  uses: [userTarget, escapeIdentifier],
  input: ACCEPT_LANGUAGE_INPUT,
  properties: ACCEPT_LANGUAGE_UI,
  output: outputSchema({
    userAgreements: Type.Array(UserAgreementSchema, { description: "The user's agreement consents" }),
  }),
  examples: [
    { matchAttribute: "id", identifier: "f880dacd-19d1-4d4e-9f2e-9d175bd03e1b" },
    { matchAttribute: "username", identifier: "johndoe", acceptLanguage: "en-US" },
  ],
  async handler(input, ctx) {
    const headers = acceptLanguageHeader(input.acceptLanguage);
    const user = await resolveUser(ctx, input);
    const response = await ctx.client.request<{ _embedded?: { agreementConsents?: unknown[] } }>({
      method: "GET",
      path: consentsPath(ctx, user.id),
      ...(headers ? { headers } : {}),
      final: true,
    });
    const consents = response.body?._embedded?.agreementConsents ?? [];
    const rawResponse = {
      _embedded: { userAgreements: consents },
      count: consents.length,
      size: consents.length,
    };
    return succeed({ userAgreements: consents.map((consent) => withoutLinks(consent)) }, response, {
      rawResponse,
    });
  },
});

export type ReadUserAgreementsInput = InputOf<typeof readUserAgreements>;
export type ReadUserAgreementsOutput = Static<typeof readUserAgreements.output>;

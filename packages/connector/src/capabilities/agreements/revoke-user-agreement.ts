import type { Static } from "@sinclair/typebox";
import { defineCapability, type InputOf } from "../kit/definition.js";
import { escapeIdentifier } from "../kit/escape-identifier.js";
import { succeed } from "../kit/result.js";
import { outputSchema } from "../kit/schema-helpers.js";
import { UserAgreementSchema } from "../kit/schemas/user-agreement.js";
import { withoutLinks } from "../kit/schemas/without-links.js";
import { resolveUser, userTarget } from "../kit/user-target.js";
import {
  ACCEPT_LANGUAGE_INPUT,
  ACCEPT_LANGUAGE_UI,
  acceptLanguageHeader,
  agreementChoice,
  agreementIdOf,
} from "./agreement-properties.js";
import { consentsPath } from "./consent-path.js";

/**
 * A20 Revoke User Agreement: `consent.revoke+json`, no body. Without a consent to revoke PingOne
 * answers 404 (`notFound`); a revoke that returns no record is followed by a read of the consent.
 */
export const revokeUserAgreement = defineCapability({
  id: "revokeUserAgreement",
  title: "Revoke User Agreement",
  description: "Revoke agreements users have accepted or signed.",
  uses: [userTarget, agreementChoice, escapeIdentifier],
  input: ACCEPT_LANGUAGE_INPUT,
  properties: ACCEPT_LANGUAGE_UI,
  errors: { notFound: "No agreement has this id, or the user has no consent to it to revoke." },
  output: outputSchema({ userAgreement: UserAgreementSchema }),
  examples: [
    {
      matchAttribute: "username",
      identifier: "johndoe",
      agreement: "useAgreementId",
      agreementId: "43eb5621-eae8-4fa1-aafb-2a884d6848cb",
    },
  ],
  async handler(input, ctx) {
    const agreementId = agreementIdOf(input);
    const headers = acceptLanguageHeader(input.acceptLanguage);
    const user = await resolveUser(ctx, input);
    const path = consentsPath(ctx, user.id, agreementId);
    const revoked = await ctx.client.request<Record<string, unknown>>({
      method: "POST",
      path,
      contentType: "application/vnd.pingidentity.consent.revoke+json",
      ...(headers ? { headers } : {}),
    });
    const response =
      revoked.body && typeof revoked.body === "object" && "status" in revoked.body
        ? revoked
        : await ctx.client.request<Record<string, unknown>>({
            method: "GET",
            path,
            ...(headers ? { headers } : {}),
            final: true,
          });
    return succeed({ userAgreement: withoutLinks(response.body) }, response);
  },
});

export type RevokeUserAgreementInput = InputOf<typeof revokeUserAgreement>;
export type RevokeUserAgreementOutput = Static<typeof revokeUserAgreement.output>;

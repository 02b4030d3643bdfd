import { type Static, Type } from "@sinclair/typebox";
import { CapabilityError } from "../kit/capability-error.js";
import type { CapabilityContext } from "../kit/context.js";
import { defineCapability, type InputOf } from "../kit/definition.js";
import { escapeIdentifier } from "../kit/escape-identifier.js";
import { succeed } from "../kit/result.js";
import { outputSchema } from "../kit/schema-helpers.js";
import { UserAgreementSchema } from "../kit/schemas/user-agreement.js";
import { withoutLinks } from "../kit/schemas/without-links.js";
import { resolveUser, userTarget } from "../kit/user-target.js";
import { readPresentedLanguage } from "./agreement-reads.js";
import { consentsPath } from "./consent-path.js";
import { decodePresentationId, invalid, type PresentationTarget } from "./presentation-id.js";

const PRESENTATION_ID_DESCRIPTION =
  "Read User Agreement and Read Agreement capabilities generate this id in their agreement presentation output.";

/**
 * A21 Accept User Agreement: records the user's consent to the revision and language the
 * presentation id names, after checking them against PingOne's current state, so a tampered,
 * stale or foreign id writes nothing (docs/connector-capabilities.md#agreement-presentation-id).
 */
export const acceptAgreement = defineCapability({
  id: "acceptAgreement",
  title: "Accept User Agreement",
  description: "Accept user agreements.",
  uses: [userTarget, escapeIdentifier],
  input: { agreementPresentationId: Type.String({ description: PRESENTATION_ID_DESCRIPTION }) },
  properties: {
    agreementPresentationId: {
      displayName: "Agreement Presentation ID",
      control: "textField",
      info: "The unique identifier for the agreement information to ensure the correct agreement revision and language is being accepted.",
    },
  },
  errors: {
    invalidValue:
      "The agreement presentation id is not one, names another environment, or names a revision or language that is no longer current.",
    notFound: "The agreement no longer exists.",
    constraintViolation: "The agreement is disabled: there is nothing to accept.",
  },
  output: outputSchema({ userAgreement: UserAgreementSchema }),
  examples: [
    {
      matchAttribute: "id",
      identifier: "f880dacd-19d1-4d4e-9f2e-9d175bd03e1b",
      agreementPresentationId:
        "eyJlIjoiOWFkMTVlOWUiLCJhIjoiNDNlYjU2MjEiLCJsIjoiYTAwYWJmMTMiLCJyIjoiYWFiNzNkYjQifQ",
    },
  ],
  async handler(input, ctx) {
    const target = decodePresentationId(input.agreementPresentationId, ctx.environmentId);
    const user = await resolveUser(ctx, input);
    await requireCurrent(ctx, target);
    const response = await ctx.client.request<Record<string, unknown>>({
      method: "POST",
      path: consentsPath(ctx, user.id, target.agreementId),
      contentType: "application/vnd.pingidentity.consent.accept+json",
      body: { language: { id: target.languageId }, revision: { id: target.revisionId } },
      final: true,
    });
    return succeed({ userAgreement: withoutLinks(response.body) }, response);
  },
});

/** The language must still be an enabled language of the agreement, and the revision its revision in effect. */
async function requireCurrent(ctx: CapabilityContext, target: PresentationTarget): Promise<void> {
  try {
    const language = await readPresentedLanguage(ctx, target.agreementId, target.languageId);
    // A dry run does not read the language; the real run checks it.
    if (language === undefined) return;
    if (language.enabled === false) throw invalid("The agreement language of this presentation is disabled");
    const current = (language.currentRevision as { id?: unknown } | undefined)?.id;
    if (current !== target.revisionId) {
      throw invalid(
        "The agreement revision of this presentation is no longer current; show the agreement again",
      );
    }
  } catch (error) {
    if (error instanceof CapabilityError && error.code === "notFound") {
      throw invalid(`The agreement presentation names what no longer exists: ${error.message}`);
    }
    throw error;
  }
}

export type AcceptAgreementInput = InputOf<typeof acceptAgreement>;
export type AcceptAgreementOutput = Static<typeof acceptAgreement.output>;

import type { Static } from "@sinclair/typebox";
import { defineCapability, type InputOf } from "../kit/definition.js";
import { succeed } from "../kit/result.js";
import { outputSchema } from "../kit/schema-helpers.js";
import { AgreementPresentationSchema, UserAgreementSchema } from "../kit/schemas/user-agreement.js";
import {
  ACCEPT_LANGUAGE_INPUT,
  ACCEPT_LANGUAGE_UI,
  agreementChoice,
  agreementIdOf,
  USER_LOCALE_INPUT,
  USER_LOCALE_UI,
} from "./agreement-properties.js";
import { embeddedOf, readAgreement, readAgreementContent as readContent } from "./agreement-reads.js";

/**
 * A22 Read Agreement Content: the agreement's current revision in the language `userLocale`,
 * else `acceptLanguage`, chooses, ready to show; no user is involved. A disabled agreement still
 * yields it, with `_embedded.agreement.enabled: false`, and the flow decides.
 */
export const readAgreementContent = defineCapability({
  id: "readAgreementContent",
  title: "Read Agreement Content",
  description: "Find information about the agreement content.",
  uses: [agreementChoice],
  input: { ...ACCEPT_LANGUAGE_INPUT, ...USER_LOCALE_INPUT },
  properties: { ...ACCEPT_LANGUAGE_UI, ...USER_LOCALE_UI },
  output: outputSchema({
    agreementPresentation: AgreementPresentationSchema,
    userAgreement: UserAgreementSchema,
  }),
  examples: [
    {
      agreement: "useAgreementId",
      agreementId: "43eb5621-eae8-4fa1-aafb-2a884d6848cb",
      acceptLanguage: "en",
    },
    {
      agreementId: "43eb5621-eae8-4fa1-aafb-2a884d6848cb",
      userLocale: "fr-CA",
      acceptLanguage: "fr-CA,en;q=0.5",
    },
  ],
  async handler(input, ctx) {
    const agreementId = agreementIdOf(input);
    const agreement = await readAgreement(ctx, agreementId);
    const content = await readContent(ctx, agreement, [input.userLocale, input.acceptLanguage], {
      final: true,
    });
    const userAgreement = { _embedded: embeddedOf(content) };
    return succeed({ agreementPresentation: content.presentation, userAgreement }, content.textResponse, {
      rawResponse: userAgreement,
    });
  },
});

export type ReadAgreementContentInput = InputOf<typeof readAgreementContent>;
export type ReadAgreementContentOutput = Static<typeof readAgreementContent.output>;

import { type Static, Type } from "@sinclair/typebox";
import { PingOneApiError } from "../../client/errors/api-error.js";
import type { ApiResponse } from "../../client/types.js";
import type { CapabilityContext } from "../kit/context.js";
import { defineCapability, type InputOf } from "../kit/definition.js";
import { escapeIdentifier } from "../kit/escape-identifier.js";
import { succeed } from "../kit/result.js";
import { outputSchema } from "../kit/schema-helpers.js";
import { AgreementPresentationSchema, UserAgreementSchema } from "../kit/schemas/user-agreement.js";
import { withoutLinks } from "../kit/schemas/without-links.js";
import { resolveUser, userTarget } from "../kit/user-target.js";
import {
  ACCEPT_LANGUAGE_INPUT,
  ACCEPT_LANGUAGE_UI,
  acceptLanguageHeader,
  agreementChoice,
  agreementIdOf,
} from "./agreement-properties.js";
import { embeddedOf, readAgreement, readAgreementContent } from "./agreement-reads.js";
import { consentsPath } from "./consent-path.js";

type Resource = Record<string, unknown>;

/**
 * A18 Check User Agreement: whether the user must (re-)consent, and what to show when so
 * (docs/connector-capabilities.md#agreement-check). Consent needed is not an error.
 */
export const checkUserAgreement = defineCapability({
  id: "checkUserAgreement",
  title: "Check User Agreement",
  description: "Indicate whether users need to accept or sign agreements before proceeding.",
  uses: [userTarget, agreementChoice, escapeIdentifier],
  input: ACCEPT_LANGUAGE_INPUT,
  properties: ACCEPT_LANGUAGE_UI,
  output: outputSchema({
    agreementPresentation: Type.Optional(AgreementPresentationSchema),
    userAgreement: UserAgreementSchema,
  }),
  examples: [
    {
      matchAttribute: "id",
      identifier: "f880dacd-19d1-4d4e-9f2e-9d175bd03e1b",
      agreement: "useAgreementId",
      agreementId: "43eb5621-eae8-4fa1-aafb-2a884d6848cb",
      acceptLanguage: "en-US",
    },
  ],
  async handler(input, ctx) {
    const agreementId = agreementIdOf(input);
    const headers = acceptLanguageHeader(input.acceptLanguage);
    const user = await resolveUser(ctx, input);
    const agreement = await readAgreement(ctx, agreementId);
    if (agreement.enabled === false) {
      const { consent, response } = await readConsent(ctx, user.id, agreementId, headers);
      const base = consent
        ? withoutLinks(consent)
        : { user: { id: user.id }, agreement: { id: agreementId } };
      return succeed({ userAgreement: { ...base, status: "AGREEMENT_DISABLED" } }, response, {
        rawResponse: consent ?? {},
      });
    }
    const content = await readAgreementContent(ctx, agreement, [input.acceptLanguage]);
    const { consent, response } = await readConsent(ctx, user.id, agreementId, headers);
    const status = consentStatus(consent, content.language.id, content.revision);
    const record: Resource = consent
      ? withoutLinks(consent)
      : {
          environment: { id: ctx.environmentId },
          user: { id: user.id },
          agreement: { id: agreementId },
          language: { id: content.language.id },
          revision: { id: String(content.revision.id) },
        };
    const userAgreement: Resource = { ...record, status, _embedded: record._embedded ?? embeddedOf(content) };
    const output: Resource = { userAgreement };
    if (status !== "ACCEPTED") output.agreementPresentation = content.presentation;
    return succeed(output, response, { rawResponse: consent ?? {} });
  },
});

/** The consent read; PingOne's 404 (no consent yet) is an answer here, not a failure. */
async function readConsent(
  ctx: CapabilityContext,
  userId: string,
  agreementId: string,
  headers: Record<string, string> | undefined,
): Promise<{
  consent: Resource | undefined;
  response: Pick<ApiResponse, "status" | "statusText" | "headers" | "body">;
}> {
  try {
    const response = await ctx.client.request<Resource>({
      method: "GET",
      path: consentsPath(ctx, userId, agreementId),
      ...(headers ? { headers } : {}),
      final: true,
    });
    return { consent: response.body ?? {}, response };
  } catch (error) {
    if (error instanceof PingOneApiError && error.status === 404) {
      return {
        consent: undefined,
        response: { status: 404, statusText: "", headers: error.headers, body: {} },
      };
    }
    throw error;
  }
}

/**
 * PingOne's status, corrected where its record still says `ACCEPTED` but consent is needed: the
 * re-consent period passed (`EXPIRED`), or the language's revision in effect is a newer one that
 * requires re-consent (`PENDING`). No record is `PENDING`.
 */
function consentStatus(consent: Resource | undefined, languageId: string, revision: Resource): string {
  if (!consent) return "PENDING";
  const status = typeof consent.status === "string" ? consent.status : "PENDING";
  if (status !== "ACCEPTED") return status;
  const last = (consent.lastConsent ?? {}) as {
    expiresAt?: unknown;
    revision?: { id?: unknown };
    language?: { id?: unknown };
  };
  if (typeof last.expiresAt === "string" && Date.parse(last.expiresAt) <= Date.now()) return "EXPIRED";
  const newer = last.language?.id === languageId && last.revision?.id !== revision.id;
  if (newer && revision.requireReconsent === true) return "PENDING";
  return status;
}

export type CheckUserAgreementInput = InputOf<typeof checkUserAgreement>;
export type CheckUserAgreementOutput = Static<typeof checkUserAgreement.output>;

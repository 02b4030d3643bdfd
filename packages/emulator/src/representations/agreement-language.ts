import type { Context } from "hono";
import type { EmulatorContext } from "../context.js";
import { currentRevision } from "../domain/agreement-rules.js";
import { links } from "../http/hal.js";
import type { AgreementLanguageRecord } from "../store/agreement-languages.js";
import { listAgreementRevisions } from "../store/agreement-revisions.js";
import { agreementPaths } from "./agreement-paths.js";

/** An agreement language; `currentRevisionId` is the revision in effect now, when there is one. */
export function agreementLanguageBody(
  c: Context,
  language: AgreementLanguageRecord,
  currentRevisionId: string | undefined,
) {
  const self = agreementPaths.language(language.environmentId, language.agreementId, language.id);
  const body: Record<string, unknown> = {
    _links: links(c, {
      self,
      agreement: agreementPaths.agreement(language.environmentId, language.agreementId),
      environment: agreementPaths.environment(language.environmentId),
      revisions: `${self}/revisions`,
    }),
    id: language.id,
    environment: { id: language.environmentId },
    agreement: { id: language.agreementId },
    locale: language.locale,
    displayName: language.displayName,
    enabled: language.enabled,
  };
  if (currentRevisionId !== undefined) body.currentRevision = { id: currentRevisionId };
  if (language.userExperience !== null) body.userExperience = { ...language.userExperience };
  return body;
}

/** The language's body with its current revision as of now. */
export function renderAgreementLanguage(c: Context, ctx: EmulatorContext, language: AgreementLanguageRecord) {
  const current = currentRevision(listAgreementRevisions(ctx.db, language.id), ctx.clock.now());
  return agreementLanguageBody(c, language, current?.id);
}

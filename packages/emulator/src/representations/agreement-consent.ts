import type { Context } from "hono";
import { toIsoTimestamp } from "../clock.js";
import type { EmulatorContext } from "../context.js";
import type { ConsentState } from "../domain/agreement-rules.js";
import { consentState } from "../domain/agreement-rules.js";
import { links } from "../http/hal.js";
import type { AgreementConsentRecord } from "../store/agreement-consents.js";
import { findAgreementLanguage } from "../store/agreement-languages.js";
import { listAgreementRevisions } from "../store/agreement-revisions.js";
import { type AgreementRecord, findAgreement } from "../store/agreements.js";
import { renderAgreement } from "./agreement.js";
import { renderAgreementLanguage } from "./agreement-language.js";
import { agreementPaths } from "./agreement-paths.js";
import { renderAgreementRevisions } from "./agreement-revision.js";

type Body = Record<string, unknown>;

/**
 * A user's consent to one agreement. `language`/`revision` follow the state: what was accepted while
 * ACCEPTED, otherwise what the user must consent to now; `lastConsent` always describes the last accept.
 * `_embedded` carries the agreement, language and revision bodies the record names.
 */
export function agreementConsentBody(
  c: Context,
  consent: AgreementConsentRecord,
  state: ConsentState,
  embedded: { agreement: Body; language?: Body; revision?: Body },
): Body {
  const { environmentId, userId, agreementId } = consent;
  const lastConsent: Body = {
    at: toIsoTimestamp(consent.consentedAt),
    language: { id: consent.languageId },
    revision: { id: consent.revisionId },
  };
  if (consent.expiresAt !== null) lastConsent.expiresAt = toIsoTimestamp(consent.expiresAt);
  const embeds: Body = { agreement: embedded.agreement };
  if (embedded.language !== undefined) embeds.language = embedded.language;
  if (embedded.revision !== undefined) embeds.revision = embedded.revision;
  return {
    _links: links(c, {
      self: agreementPaths.consent(environmentId, userId, agreementId),
      user: agreementPaths.user(environmentId, userId),
      agreement: agreementPaths.agreement(environmentId, agreementId),
      environment: agreementPaths.environment(environmentId),
    }),
    id: consent.id,
    environment: { id: environmentId },
    user: { id: userId },
    agreement: { id: agreementId },
    language: { id: state.languageId },
    revision: { id: state.revisionId },
    status: state.status,
    lastConsent,
    _embedded: embeds,
  };
}

/** A stored consent as PingOne returns it: status computed now, agreement, language and revision embedded. */
export function renderAgreementConsent(c: Context, ctx: EmulatorContext, consent: AgreementConsentRecord) {
  const agreement = findAgreement(ctx.db, consent.environmentId, consent.agreementId) as AgreementRecord;
  const language = findAgreementLanguage(ctx.db, consent.agreementId, consent.languageId);
  const revisions = listAgreementRevisions(ctx.db, consent.languageId);
  const state = consentState({
    agreementEnabled: agreement.enabled,
    consent,
    language,
    revisions,
    now: ctx.clock.now(),
    revokedStatus: ctx.settings.consentRevokeStatus,
  });
  const revisionBodies = renderAgreementRevisions(c, revisions);
  const revision = revisionBodies[revisions.findIndex((r) => r.id === state.revisionId)];
  return agreementConsentBody(c, consent, state, {
    agreement: renderAgreement(c, ctx, agreement),
    ...(language === undefined ? {} : { language: renderAgreementLanguage(c, ctx, language) }),
    ...(revision === undefined ? {} : { revision }),
  });
}

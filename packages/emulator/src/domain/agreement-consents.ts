import type { EmulatorContext } from "../context.js";
import {
  type AgreementConsentRecord,
  findAgreementConsent,
  markConsentRevoked,
  saveAcceptedConsent,
} from "../store/agreement-consents.js";
import { findAgreementLanguage } from "../store/agreement-languages.js";
import { listAgreementRevisions } from "../store/agreement-revisions.js";
import type { AgreementRecord } from "../store/agreements.js";
import { AgreementMessages } from "./agreement-messages.js";
import { consentExpiry, isRevisionValid } from "./agreement-rules.js";
import { invalidData, notFound, orNotFound, requestFailed } from "./errors.js";
import { assertValid, type JsonObject, type ObjectSpec } from "./validation.js";

const idReference = {
  kind: "object",
  fields: { id: { kind: "string", minLength: 1 } },
  required: ["id"],
} as const;
const ACCEPT_SPEC: ObjectSpec = {
  language: idReference,
  revision: idReference,
  consentedAt: { kind: "string", format: "date-time" },
};

/**
 * Records a user's acceptance of a revision, as `consent.accept+json` does: the agreement must be enabled,
 * the language one of its enabled languages, and the revision one of that language's that can be consented
 * to now. The seed uses it too. Call inside a transaction.
 */
export function acceptAgreement(
  ctx: EmulatorContext,
  userId: string,
  agreement: AgreementRecord,
  body: JsonObject,
): AgreementConsentRecord {
  assertValid(body, ACCEPT_SPEC, { required: ["language", "revision"] });
  if (!agreement.enabled) {
    throw requestFailed(AgreementMessages.agreementDisabled, [
      { code: "CONSTRAINT_VIOLATION", target: "agreement", message: AgreementMessages.agreementDisabled },
    ]);
  }
  const now = ctx.clock.now();
  const language = findAgreementLanguage(ctx.db, agreement.id, (body.language as { id: string }).id);
  if (language === undefined || !language.enabled) {
    throw invalidData([
      { code: "INVALID_VALUE", target: "language.id", message: AgreementMessages.unknownLanguage },
    ]);
  }
  const revisions = listAgreementRevisions(ctx.db, language.id);
  const revision = revisions.find((r) => r.id === (body.revision as { id: string }).id);
  if (revision === undefined) {
    throw invalidData([
      { code: "INVALID_VALUE", target: "revision.id", message: AgreementMessages.unknownRevision },
    ]);
  }
  if (!isRevisionValid(revision, revisions, now)) {
    throw invalidData([
      { code: "INVALID_VALUE", target: "revision.id", message: AgreementMessages.revisionNotValid },
    ]);
  }
  const consentedAt =
    body.consentedAt === undefined || body.consentedAt === null
      ? now
      : Date.parse(body.consentedAt as string);
  if (consentedAt > now) {
    throw invalidData([
      { code: "INVALID_VALUE", target: "consentedAt", message: AgreementMessages.consentedAtInFuture },
    ]);
  }
  if (consentedAt < revision.effectiveAt) {
    throw invalidData([
      { code: "INVALID_VALUE", target: "consentedAt", message: AgreementMessages.consentedBeforeRevision },
    ]);
  }
  return saveAcceptedConsent(
    ctx.db,
    {
      id: crypto.randomUUID(),
      environmentId: agreement.environmentId,
      userId,
      agreementId: agreement.id,
      languageId: language.id,
      revisionId: revision.id,
      consentedAt,
      expiresAt: consentExpiry(consentedAt, agreement.reconsentPeriodDays),
    },
    now,
  );
}

/** The user's latest consent to the agreement, or 404 NOT_FOUND. */
export function requireAgreementConsent(
  ctx: EmulatorContext,
  userId: string,
  agreement: AgreementRecord,
): AgreementConsentRecord {
  return orNotFound(findAgreementConsent(ctx.db, userId, agreement.id));
}

/** Revokes the user's standing consent, as `consent.revoke+json` does (no body). Call inside a transaction. */
export function revokeAgreementConsent(
  ctx: EmulatorContext,
  userId: string,
  agreement: AgreementRecord,
  body: JsonObject,
): AgreementConsentRecord {
  assertValid(body, {});
  const existing = findAgreementConsent(ctx.db, userId, agreement.id);
  if (existing === undefined || existing.revokedAt !== null)
    throw notFound(AgreementMessages.noConsentToRevoke);
  markConsentRevoked(ctx.db, userId, agreement.id, ctx.clock.now());
  return findAgreementConsent(ctx.db, userId, agreement.id) as AgreementConsentRecord;
}

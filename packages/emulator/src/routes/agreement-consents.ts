import type { Context } from "hono";
import type { EmulatorContext } from "../context.js";
import { consentExpiry, consentState, isRevisionValid } from "../domain/agreement-rules.js";
import { Roles } from "../domain/roles.js";
import { halCollection } from "../http/hal.js";
import { type JsonObject, readJsonObject, readOptionalJsonObject } from "../http/json-body.js";
import { selectAction } from "../http/media-type.js";
import { invalidData, notFound, requestFailed } from "../http/pingone-error.js";
import { assertValid, type ObjectSpec } from "../http/validation.js";
import { requireRole } from "../middleware/bearer-auth.js";
import { agreementConsentBody } from "../representations/agreement-consent.js";
import {
  type AgreementConsentRecord,
  findAgreementConsent,
  listUserAgreementConsents,
  markConsentRevoked,
  saveAcceptedConsent,
} from "../store/agreement-consents.js";
import { findAgreementLanguage } from "../store/agreement-languages.js";
import { listAgreementRevisions } from "../store/agreement-revisions.js";
import { type AgreementRecord, findAgreement } from "../store/agreements.js";
import { renderAgreementLanguage } from "./agreement-languages.js";
import { AgreementMessages } from "./agreement-messages.js";
import { renderAgreementRevisions } from "./agreement-revisions.js";
import { renderAgreement, requireAgreement } from "./agreements.js";
import { requireUser } from "./directory-lookups.js";
import type { RouteModule } from "./route-module.js";

/** The two actions on a consent URL, told apart by media type (PingOne "User Agreement Consents"). */
const CONSENT_ACTIONS = {
  "application/vnd.pingidentity.consent.accept+json": "accept",
  "application/vnd.pingidentity.consent.revoke+json": "revoke",
} as const;

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

/**
 * `P/users/{userId}/agreementConsents[/{agreementId}]`, under Environment Admin: read the latest consent per
 * agreement, accept (`consent.accept+json`) and revoke (`consent.revoke+json`). Not paged.
 */
export const agreementConsentRoutes: RouteModule = (app, ctx) => {
  const collection = "/v1/environments/:envId/users/:userId/agreementConsents";
  const item = `${collection}/:agreementId`;
  const guard = requireRole(Roles.environmentAdmin);

  app.get(collection, guard, (c) => {
    const user = requireUser(ctx, c.req.param("envId"), c.req.param("userId"));
    const consents = listUserAgreementConsents(ctx.db, user.id).map((consent) =>
      renderAgreementConsent(c, ctx, consent),
    );
    return c.json(halCollection(c, "agreementConsents", consents, { count: consents.length }));
  });

  app.get(item, guard, (c) => {
    const user = requireUser(ctx, c.req.param("envId"), c.req.param("userId"));
    const agreement = requireAgreement(ctx, c.req.param("envId"), c.req.param("agreementId"));
    const consent = findAgreementConsent(ctx.db, user.id, agreement.id);
    if (consent === undefined) throw notFound();
    return c.json(renderAgreementConsent(c, ctx, consent));
  });

  app.post(item, guard, async (c) => {
    const action = selectAction(
      c.req.header("content-type"),
      CONSENT_ACTIONS,
      ctx.settings.actionMediaTypes === "lenient",
    );
    const body = action === "accept" ? await readJsonObject(c) : ((await readOptionalJsonObject(c)) ?? {});
    const consent = ctx.db.transaction(() => {
      const user = requireUser(ctx, c.req.param("envId"), c.req.param("userId"));
      const agreement = requireAgreement(ctx, c.req.param("envId"), c.req.param("agreementId"));
      if (action === "accept") return acceptAgreement(ctx, user.id, agreement, body);
      assertValid(body, {});
      const existing = findAgreementConsent(ctx.db, user.id, agreement.id);
      if (existing === undefined || existing.revokedAt !== null)
        throw notFound(AgreementMessages.noConsentToRevoke);
      markConsentRevoked(ctx.db, user.id, agreement.id, ctx.clock.now());
      return findAgreementConsent(ctx.db, user.id, agreement.id) as AgreementConsentRecord;
    })();
    return c.json(renderAgreementConsent(c, ctx, consent));
  });
};

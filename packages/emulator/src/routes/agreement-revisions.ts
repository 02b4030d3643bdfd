import type { Context } from "hono";
import type { EmulatorContext } from "../context.js";
import { revisionNotValidAfter } from "../domain/agreement-rules.js";
import { Roles } from "../domain/roles.js";
import { halCollection } from "../http/hal.js";
import { type JsonObject, readJsonObject } from "../http/json-body.js";
import { invalidData, notFound, requestFailed, uniquenessViolation } from "../http/pingone-error.js";
import { assertValid, type ObjectSpec } from "../http/validation.js";
import { requireRole } from "../middleware/bearer-auth.js";
import { agreementRevisionBody } from "../representations/agreement-revision.js";
import type { AgreementLanguageRecord } from "../store/agreement-languages.js";
import {
  type AgreementRevisionRecord,
  countAgreementRevisions,
  deleteAgreementRevision,
  findAgreementRevision,
  findRevisionIdAt,
  insertAgreementRevision,
  listAgreementRevisions,
  type RevisionContentType,
} from "../store/agreement-revisions.js";
import { requireAgreementLanguage } from "./agreement-languages.js";
import { AgreementMessages } from "./agreement-messages.js";
import { requireAgreement } from "./agreements.js";
import type { RouteModule } from "./route-module.js";

/** PingOne's documented limits: 100 revisions per language, 32,000 characters of text. */
const MAX_REVISIONS_PER_LANGUAGE = 100;
const MAX_TEXT_LENGTH = 32_000;
/** How far behind the emulator clock `effectiveAt` may be and still count as "the present". */
const PRESENT_TOLERANCE_MS = 60_000;

const REVISION_SPEC: ObjectSpec = {
  contentType: { kind: "string", allowed: ["text/html", "text/plain"] },
  text: { kind: "string", minLength: 1, maxLength: MAX_TEXT_LENGTH },
  effectiveAt: { kind: "string", format: "date-time" },
  requireReconsent: { kind: "boolean" },
  id: { kind: "readOnly" },
  environment: { kind: "readOnly" },
  agreement: { kind: "readOnly" },
  language: { kind: "readOnly" },
  notValidAfter: { kind: "readOnly" },
  _links: { kind: "readOnly" },
};

/**
 * Validates a create body and stores the revision, as `POST …/revisions` does. `allowPast` lets the seed
 * load revisions that took effect before the emulator started. Call inside a transaction.
 */
export function createAgreementRevision(
  ctx: EmulatorContext,
  language: AgreementLanguageRecord,
  body: JsonObject,
  options: { id?: string; allowPast?: boolean } = {},
): AgreementRevisionRecord {
  assertValid(body, REVISION_SPEC, { required: ["contentType", "effectiveAt", "requireReconsent", "text"] });
  const now = ctx.clock.now();
  const effectiveAt = Date.parse(body.effectiveAt as string);
  if (options.allowPast !== true && effectiveAt < now - PRESENT_TOLERANCE_MS) {
    throw invalidData([
      { code: "INVALID_VALUE", target: "effectiveAt", message: AgreementMessages.effectiveAtInPast },
    ]);
  }
  const clash = findRevisionIdAt(ctx.db, language.id, effectiveAt);
  if (clash !== undefined) throw uniquenessViolation("effectiveAt", clash, ctx.settings.duplicateStatus);
  if (countAgreementRevisions(ctx.db, language.id) >= MAX_REVISIONS_PER_LANGUAGE) {
    throw requestFailed(AgreementMessages.revisionLimit, [
      {
        code: "SIZE_LIMIT_EXCEEDED",
        message: AgreementMessages.revisionLimit,
        innerError: { maximumValue: MAX_REVISIONS_PER_LANGUAGE },
      },
    ]);
  }
  return insertAgreementRevision(
    ctx.db,
    language,
    {
      contentType: body.contentType as RevisionContentType,
      text: body.text as string,
      effectiveAt,
      requireReconsent: body.requireReconsent as boolean,
    },
    now,
    options.id,
  );
}

/** Every revision's body; `notValidAfter` depends on the language's other revisions. */
export function renderAgreementRevisions(c: Context, revisions: readonly AgreementRevisionRecord[]) {
  return revisions.map((revision) =>
    agreementRevisionBody(c, revision, revisionNotValidAfter(revision, revisions)),
  );
}

/**
 * `…/languages/{languageId}/revisions[/{revisionId}]`, under Environment Admin. Revisions cannot be changed
 * (no PUT), the list is not paged, and a revision already in effect cannot be deleted.
 */
export const agreementRevisionRoutes: RouteModule = (app, ctx) => {
  const collection = "/v1/environments/:envId/agreements/:agreementId/languages/:languageId/revisions";
  const item = `${collection}/:revisionId`;
  const guard = requireRole(Roles.environmentAdmin);
  const languageOf = (c: Context) =>
    requireAgreementLanguage(
      ctx,
      requireAgreement(ctx, c.req.param("envId") ?? "", c.req.param("agreementId") ?? ""),
      c.req.param("languageId") ?? "",
    );
  const revisionOf = (c: Context, language: AgreementLanguageRecord) => {
    const revision = findAgreementRevision(ctx.db, language.id, c.req.param("revisionId") ?? "");
    if (revision === undefined) throw notFound();
    return revision;
  };

  app.get(collection, guard, (c) => {
    const revisions = renderAgreementRevisions(c, listAgreementRevisions(ctx.db, languageOf(c).id));
    return c.json(halCollection(c, "revisions", revisions, { count: revisions.length }));
  });

  app.post(collection, guard, async (c) => {
    const body = await readJsonObject(c);
    const revision = ctx.db.transaction(() => createAgreementRevision(ctx, languageOf(c), body))();
    const all = listAgreementRevisions(ctx.db, revision.languageId);
    return c.json(agreementRevisionBody(c, revision, revisionNotValidAfter(revision, all)), 201);
  });

  app.get(item, guard, (c) => {
    const language = languageOf(c);
    const revision = revisionOf(c, language);
    const all = listAgreementRevisions(ctx.db, language.id);
    return c.json(agreementRevisionBody(c, revision, revisionNotValidAfter(revision, all)));
  });

  app.delete(item, guard, (c) => {
    ctx.db.transaction(() => {
      const revision = revisionOf(c, languageOf(c));
      if (revision.effectiveAt <= ctx.clock.now()) {
        throw requestFailed(AgreementMessages.effectiveRevisionDelete, [
          {
            code: "CONSTRAINT_VIOLATION",
            target: "effectiveAt",
            message: AgreementMessages.effectiveRevisionDelete,
          },
        ]);
      }
      deleteAgreementRevision(ctx.db, revision.id);
    })();
    return c.body(null, 204);
  });
};

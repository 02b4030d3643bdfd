import type { Context } from "hono";
import { requireAgreementLanguage } from "../domain/agreement-languages.js";
import {
  createAgreementRevision,
  removeAgreementRevision,
  requireAgreementRevision,
} from "../domain/agreement-revisions.js";
import { revisionNotValidAfter } from "../domain/agreement-rules.js";
import { requireAgreement } from "../domain/agreements.js";
import { Roles } from "../domain/roles.js";
import { halCollection } from "../http/hal.js";
import { readJsonObject } from "../http/json-body.js";
import { requireRole } from "../middleware/bearer-auth.js";
import { agreementRevisionBody, renderAgreementRevisions } from "../representations/agreement-revision.js";
import type { AgreementLanguageRecord } from "../store/agreement-languages.js";
import { listAgreementRevisions } from "../store/agreement-revisions.js";
import type { RouteModule } from "./route-module.js";

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
  const revisionOf = (c: Context, language: AgreementLanguageRecord) =>
    requireAgreementRevision(ctx, language, c.req.param("revisionId") ?? "");

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
    ctx.db.transaction(() => removeAgreementRevision(ctx, languageOf(c), c.req.param("revisionId")))();
    return c.body(null, 204);
  });
};

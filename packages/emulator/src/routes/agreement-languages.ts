import type { Context } from "hono";
import {
  createAgreementLanguage,
  removeAgreementLanguage,
  replaceAgreementLanguage,
  requireAgreementLanguage,
} from "../domain/agreement-languages.js";
import { requireAgreement } from "../domain/agreements.js";
import { Roles } from "../domain/roles.js";
import { halCollection } from "../http/hal.js";
import { readJsonObject } from "../http/json-body.js";
import { requireRole } from "../middleware/bearer-auth.js";
import { renderAgreementLanguage } from "../representations/agreement-language.js";
import { listAgreementLanguages } from "../store/agreement-languages.js";
import type { RouteModule } from "./route-module.js";

/** `P/agreements/{agreementId}/languages[/{languageId}]`, under Environment Admin; not paged. */
export const agreementLanguageRoutes: RouteModule = (app, ctx) => {
  const collection = "/v1/environments/:envId/agreements/:agreementId/languages";
  const item = `${collection}/:languageId`;
  const guard = requireRole(Roles.environmentAdmin);
  const agreementOf = (c: Context) =>
    requireAgreement(ctx, c.req.param("envId") ?? "", c.req.param("agreementId") ?? "");

  app.get(collection, guard, (c) => {
    const languages = listAgreementLanguages(ctx.db, agreementOf(c).id).map((language) =>
      renderAgreementLanguage(c, ctx, language),
    );
    return c.json(halCollection(c, "languages", languages, { count: languages.length }));
  });

  app.post(collection, guard, async (c) => {
    const body = await readJsonObject(c);
    const language = ctx.db.transaction(() => createAgreementLanguage(ctx, agreementOf(c), body))();
    return c.json(renderAgreementLanguage(c, ctx, language), 201);
  });

  app.get(item, guard, (c) => {
    const language = requireAgreementLanguage(ctx, agreementOf(c), c.req.param("languageId"));
    return c.json(renderAgreementLanguage(c, ctx, language));
  });

  app.put(item, guard, async (c) => {
    const body = await readJsonObject(c);
    const language = ctx.db.transaction(() => {
      const agreement = agreementOf(c);
      return replaceAgreementLanguage(
        ctx,
        agreement,
        requireAgreementLanguage(ctx, agreement, c.req.param("languageId")),
        body,
      );
    })();
    return c.json(renderAgreementLanguage(c, ctx, language));
  });

  app.delete(item, guard, (c) => {
    ctx.db.transaction(() => removeAgreementLanguage(ctx, agreementOf(c), c.req.param("languageId")))();
    return c.body(null, 204);
  });
};

import { ErrorMessages } from "../domain/error-messages.js";
import { notFound } from "../domain/errors.js";
import { Roles } from "../domain/roles.js";
import { insufficientPermissions } from "../http/pingone-error.js";
import { bearerAuth, requireRole } from "../middleware/bearer-auth.js";
import { REVISION_TEXT_PREFIX } from "../representations/agreement-paths.js";
import { agreementRevisionTextBody } from "../representations/agreement-revision.js";
import { findAgreementLanguage } from "../store/agreement-languages.js";
import { findAgreementRevision } from "../store/agreement-revisions.js";
import { findAgreement } from "../store/agreements.js";
import type { RouteModule } from "./route-module.js";

/**
 * The revision text behind a revision's `_links.text`: PingOne's agreement-management read
 * (`GET …/revisions/{revisionId}.json` → `{resourcePath, data, dataType}`), with the same bearer token and
 * Environment Admin role as the management API. Outside `/v1`, so it checks the token itself.
 */
export const agreementRevisionTextRoutes: RouteModule = (app, ctx) => {
  const path = `${REVISION_TEXT_PREFIX}/environments/:envId/agreements/:agreementId/languages/:languageId/revisions/:revisionFile`;

  app.get(path, bearerAuth(ctx), requireRole(Roles.environmentAdmin), (c) => {
    const environmentId = c.req.param("envId");
    if (c.get("principal").environmentId !== environmentId) {
      throw insufficientPermissions(ErrorMessages.wrongEnvironment);
    }
    const file = c.req.param("revisionFile");
    if (!file.endsWith(".json")) throw notFound();
    const agreement = findAgreement(ctx.db, environmentId, c.req.param("agreementId"));
    const language =
      agreement === undefined
        ? undefined
        : findAgreementLanguage(ctx.db, agreement.id, c.req.param("languageId"));
    const revision =
      language === undefined
        ? undefined
        : findAgreementRevision(ctx.db, language.id, file.slice(0, -".json".length));
    if (revision === undefined) throw notFound();
    return c.json(agreementRevisionTextBody(revision, c.req.path.slice(REVISION_TEXT_PREFIX.length)));
  });
};

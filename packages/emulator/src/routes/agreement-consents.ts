import {
  acceptAgreement,
  requireAgreementConsent,
  revokeAgreementConsent,
} from "../domain/agreement-consents.js";
import { requireAgreement } from "../domain/agreements.js";
import { requireUser } from "../domain/directory-lookups.js";
import { Roles } from "../domain/roles.js";
import { halCollection } from "../http/hal.js";
import { readJsonObject, readOptionalJsonObject } from "../http/json-body.js";
import { selectAction } from "../http/media-type.js";
import { requireRole } from "../middleware/bearer-auth.js";
import { renderAgreementConsent } from "../representations/agreement-consent.js";
import { listUserAgreementConsents } from "../store/agreement-consents.js";
import type { RouteModule } from "./route-module.js";

/** The two actions on a consent URL, told apart by media type (PingOne "User Agreement Consents"). */
const CONSENT_ACTIONS = {
  "application/vnd.pingidentity.consent.accept+json": "accept",
  "application/vnd.pingidentity.consent.revoke+json": "revoke",
} as const;

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
    return c.json(renderAgreementConsent(c, ctx, requireAgreementConsent(ctx, user.id, agreement)));
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
      return revokeAgreementConsent(ctx, user.id, agreement, body);
    })();
    return c.json(renderAgreementConsent(c, ctx, consent));
  });
};

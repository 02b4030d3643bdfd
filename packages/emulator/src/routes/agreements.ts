import {
  createAgreement,
  removeAgreement,
  replaceAgreement,
  requireAgreement,
} from "../domain/agreements.js";
import { Roles } from "../domain/roles.js";
import { halCollection } from "../http/hal.js";
import { readJsonObject } from "../http/json-body.js";
import { requireRole } from "../middleware/bearer-auth.js";
import { renderAgreement } from "../representations/agreement.js";
import { listAgreements } from "../store/agreements.js";
import type { RouteModule } from "./route-module.js";

/** `P/agreements[/{agreementId}]`, under Environment Admin; the list is not paged. */
export const agreementRoutes: RouteModule = (app, ctx) => {
  const collection = "/v1/environments/:envId/agreements";
  const item = `${collection}/:agreementId`;
  const guard = requireRole(Roles.environmentAdmin);

  app.get(collection, guard, (c) => {
    const agreements = listAgreements(ctx.db, c.req.param("envId")).map((a) => renderAgreement(c, ctx, a));
    return c.json(halCollection(c, "agreements", agreements, { count: agreements.length }));
  });

  app.post(collection, guard, async (c) => {
    const body = await readJsonObject(c);
    const agreement = ctx.db.transaction(() => createAgreement(ctx, c.req.param("envId"), body))();
    return c.json(renderAgreement(c, ctx, agreement), 201);
  });

  app.get(item, guard, (c) => {
    const agreement = requireAgreement(ctx, c.req.param("envId"), c.req.param("agreementId"));
    return c.json(renderAgreement(c, ctx, agreement));
  });

  app.put(item, guard, async (c) => {
    const body = await readJsonObject(c);
    const agreement = ctx.db.transaction(() =>
      replaceAgreement(ctx, requireAgreement(ctx, c.req.param("envId"), c.req.param("agreementId")), body),
    )();
    return c.json(renderAgreement(c, ctx, agreement));
  });

  app.delete(item, guard, (c) => {
    removeAgreement(ctx, c.req.param("envId"), c.req.param("agreementId"));
    return c.body(null, 204);
  });
};

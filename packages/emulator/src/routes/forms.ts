import { createForm, removeForm, replaceForm, requireForm } from "../domain/forms.js";
import { Roles } from "../domain/roles.js";
import { parseOptionList } from "../http/filter-query.js";
import { halCollection } from "../http/hal.js";
import { readJsonObject } from "../http/json-body.js";
import { requireRole } from "../middleware/bearer-auth.js";
import { formBody } from "../representations/form.js";
import { listForms } from "../store/forms.js";
import type { RouteModule } from "./route-module.js";

/** `P/forms[/{formId}]`, under Environment Admin; the list is not paged, components are always included. */
export const formRoutes: RouteModule = (app, ctx) => {
  const collection = "/v1/environments/:envId/forms";
  const item = `${collection}/:formId`;
  const guard = requireRole(Roles.environmentAdmin);

  app.get(collection, guard, (c) => {
    const forms = listForms(ctx.db, c.req.param("envId")).map((form) => formBody(c, form));
    return c.json(halCollection(c, "forms", forms, { count: forms.length }));
  });

  app.post(collection, guard, async (c) => {
    const body = await readJsonObject(c);
    const form = ctx.db.transaction(() => createForm(ctx, c.req.param("envId"), body))();
    return c.json(formBody(c, form), 201);
  });

  app.get(item, guard, (c) => {
    parseOptionList(c, "include", ["components"] as const);
    return c.json(formBody(c, requireForm(ctx, c.req.param("envId"), c.req.param("formId"))));
  });

  app.put(item, guard, async (c) => {
    const body = await readJsonObject(c);
    const form = ctx.db.transaction(() =>
      replaceForm(ctx, c.req.param("envId"), c.req.param("formId"), body),
    )();
    return c.json(formBody(c, form));
  });

  app.delete(item, guard, (c) => {
    ctx.db.transaction(() => removeForm(ctx, c.req.param("envId"), c.req.param("formId")))();
    return c.body(null, 204);
  });
};

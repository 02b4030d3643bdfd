import type { Context } from "hono";
import { environmentVisibility } from "../domain/environments.js";
import { notFound } from "../domain/errors.js";
import { compileFilterParameter, parseOptionList } from "../http/filter-query.js";
import type { EmulatorEnv } from "../http/hono-env.js";
import { collectionPage, decodeCursor, nextAfterKeyset, parseLimit } from "../http/paging.js";
import { insufficientPermissions } from "../http/pingone-error.js";
import { toEnvironmentResource } from "../representations/environment.js";
import { environmentsFilterSchema } from "../scim/filter-schemas.js";
import { environmentFilterResolver, findEnvironment, listEnvironments } from "../store/environments.js";
import type { RouteModule } from "./route-module.js";

/** Default page 1000, at most 5000: the official spec's figures (docs/emulator.md#paging). */
const ENVIRONMENTS_PAGE = { fallback: 1000, max: 5000 };

/** What the caller may see, or 403 for a worker with no admin role. */
function visibilityOf(c: Context<EmulatorEnv>): "organization" | "environment" {
  const visibility = environmentVisibility(c.get("principal").roles);
  if (visibility === undefined) throw insufficientPermissions();
  return visibility;
}

/** `GET /v1/environments` (filter, limit, cursor) and `GET /v1/environments/{id}`. */
export const environmentRoutes: RouteModule = (app, ctx) => {
  app.get("/v1/environments", (c) => {
    const principal = c.get("principal");
    const visibility = visibilityOf(c);
    const expand = parseOptionList(c, "expand", ["billOfMaterials"] as const);
    const limit = parseLimit(c, ENVIRONMENTS_PAGE);
    const after = decodeCursor(c);
    const filter = compileFilterParameter(c, environmentsFilterSchema, environmentFilterResolver);
    const scope =
      visibility === "organization"
        ? { organizationId: principal.organizationId }
        : { environmentId: principal.environmentId };
    const page = listEnvironments(ctx.db, scope, filter, { after, limit });
    const expandBillOfMaterials = expand.has("billOfMaterials");
    const items = page.rows.map((row) => toEnvironmentResource(c, row, { expandBillOfMaterials }));
    return c.json(
      collectionPage(c, "environments", items, { count: page.count, next: nextAfterKeyset(page) }),
    );
  });

  app.get("/v1/environments/:envId", (c) => {
    const principal = c.get("principal");
    const visibility = visibilityOf(c);
    const expand = parseOptionList(c, "expand", ["billOfMaterials"] as const);
    const envId = c.req.param("envId");
    if (visibility === "environment" && envId !== principal.environmentId) throw insufficientPermissions();
    const row = findEnvironment(ctx.db, envId);
    if (row === undefined || row.organization_id !== principal.organizationId) throw notFound();
    return c.json(toEnvironmentResource(c, row, { expandBillOfMaterials: expand.has("billOfMaterials") }));
  });
};

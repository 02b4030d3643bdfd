import {
  createPopulation,
  loadPopulation,
  removePopulation,
  replacePopulation,
} from "../domain/populations.js";
import { Roles } from "../domain/roles.js";
import { compileFilterParameter } from "../http/filter-query.js";
import { readJsonObject } from "../http/json-body.js";
import { collectionPage, decodeCursor, nextAfterKeyset, parseLimit } from "../http/paging.js";
import { requireRole } from "../middleware/bearer-auth.js";
import { toPopulationResource } from "../representations/population.js";
import { populationsFilterSchema } from "../scim/filter-schemas.js";
import { countPopulationUsers, listPopulations, populationFilterResolver } from "../store/populations.js";
import type { RouteModule } from "./route-module.js";

/** Pages of 1…1000 populations, 100 by default (docs/emulator.md#paging). */
const POPULATIONS_PAGE = { fallback: 100, max: 1000 };

/**
 * Populations: CRUD, the default population, filters `name sw` and `id eq` (docs/emulator.md#populations).
 */
export const populationRoutes: RouteModule = (app, ctx) => {
  const { db } = ctx;
  const guard = requireRole(Roles.identityDataAdmin, Roles.environmentAdmin);
  const base = "/v1/environments/:envId/populations";
  const item = `${base}/:populationId`;

  app.get(base, guard, (c) => {
    const limit = parseLimit(c, POPULATIONS_PAGE);
    const after = decodeCursor(c);
    const filter = compileFilterParameter(c, populationsFilterSchema, populationFilterResolver);
    const page = listPopulations(db, c.req.param("envId"), filter, { after, limit });
    const items = page.rows.map((row) => toPopulationResource(c, row, countPopulationUsers(db, row.id)));
    return c.json(
      collectionPage(c, "populations", items, { count: page.count, next: nextAfterKeyset(page) }),
    );
  });

  app.post(base, guard, async (c) => {
    const created = createPopulation(ctx, c.req.param("envId"), await readJsonObject(c));
    return c.json(toPopulationResource(c, created, 0), 201);
  });

  app.get(item, guard, (c) => {
    const row = loadPopulation(ctx, c.req.param("envId"), c.req.param("populationId"));
    return c.json(toPopulationResource(c, row, countPopulationUsers(db, row.id)));
  });

  app.put(item, guard, async (c) => {
    const body = await readJsonObject(c);
    const updated = replacePopulation(ctx, c.req.param("envId"), c.req.param("populationId"), body);
    return c.json(toPopulationResource(c, updated, countPopulationUsers(db, updated.id)));
  });

  app.delete(item, guard, (c) => {
    removePopulation(ctx, c.req.param("envId"), c.req.param("populationId"));
    return c.body(null, 204);
  });
};

import { loadUser } from "../domain/create-user.js";
import { Roles } from "../domain/roles.js";
import { ErrorMessages } from "../http/error-messages.js";
import { links } from "../http/hal.js";
import { readJsonObject } from "../http/json-body.js";
import { invalidData } from "../http/pingone-error.js";
import { assertValid } from "../http/validation.js";
import { requireRole } from "../middleware/bearer-auth.js";
import { findPopulation } from "../store/populations.js";
import { updateUserColumns } from "../store/users.js";
import type { RouteModule } from "./route-module.js";

/** `P/users/{id}/population` and `P/users/{id}/enabled` (pingone-api.md §6.8). */
export const userPropertyRoutes: RouteModule = (app, ctx) => {
  const { db, clock } = ctx;
  const guard = requireRole(Roles.identityDataAdmin);
  const base = "/v1/environments/:envId/users/:userId";
  const userPath = (envId: string, userId: string) => `/environments/${envId}/users/${userId}`;

  app.get(`${base}/population`, guard, (c) => {
    const user = loadUser(db, c.req.param("envId"), c.req.param("userId"));
    const path = userPath(user.environment_id, user.id);
    return c.json({
      _links: links(c, {
        self: `${path}/population`,
        user: path,
        population: `/environments/${user.environment_id}/populations/${user.population_id}`,
      }),
      id: user.population_id,
    });
  });

  app.put(`${base}/population`, guard, async (c) => {
    const envId = c.req.param("envId");
    const body = await readJsonObject(c);
    assertValid(
      body,
      { id: { kind: "string", minLength: 1 }, _links: { kind: "readOnly" } },
      { required: ["id"] },
    );
    const populationId = body.id as string;
    const user = db.transaction(() => {
      const current = loadUser(db, envId, c.req.param("userId"));
      if (findPopulation(db, envId, populationId) === undefined) {
        throw invalidData([
          { code: "INVALID_VALUE", target: "id", message: ErrorMessages.unknownPopulation },
        ]);
      }
      updateUserColumns(db, current.id, { population_id: populationId }, clock.now());
      return loadUser(db, envId, current.id);
    })();
    const path = userPath(envId, user.id);
    return c.json({
      _links: links(c, {
        self: `${path}/population`,
        user: path,
        population: `/environments/${envId}/populations/${user.population_id}`,
      }),
      id: user.population_id,
    });
  });

  app.get(`${base}/enabled`, guard, (c) => {
    const user = loadUser(db, c.req.param("envId"), c.req.param("userId"));
    const path = userPath(user.environment_id, user.id);
    return c.json({ _links: links(c, { self: `${path}/enabled`, user: path }), enabled: user.enabled === 1 });
  });

  app.put(`${base}/enabled`, guard, async (c) => {
    const envId = c.req.param("envId");
    const body = await readJsonObject(c);
    assertValid(
      body,
      { enabled: { kind: "boolean" }, _links: { kind: "readOnly" } },
      { required: ["enabled"] },
    );
    const user = db.transaction(() => {
      const current = loadUser(db, envId, c.req.param("userId"));
      updateUserColumns(db, current.id, { enabled: body.enabled === true ? 1 : 0 }, clock.now());
      return loadUser(db, envId, current.id);
    })();
    const path = userPath(envId, user.id);
    return c.json({ _links: links(c, { self: `${path}/enabled`, user: path }), enabled: user.enabled === 1 });
  });
};

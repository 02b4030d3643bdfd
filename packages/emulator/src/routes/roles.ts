import { BUILT_IN_ROLES } from "../domain/role-catalog.js";
import { halCollection } from "../http/hal.js";
import { notFound } from "../http/pingone-error.js";
import { roleBody } from "./directory-representations.js";
import type { RouteModule } from "./route-module.js";

/**
 * `GET /v1/roles[/{roleId}]`: the built-in role catalog. Roles are organisation-wide and readable with any
 * valid token (the bearer check still applies).
 */
export const roleRoutes: RouteModule = (app) => {
  app.get("/v1/roles", (c) => {
    const roles = BUILT_IN_ROLES.flatMap((role) => roleBody(c, role.id) ?? []);
    return c.json(halCollection(c, "roles", roles, { count: roles.length }));
  });

  app.get("/v1/roles/:roleId", (c) => {
    const role = roleBody(c, c.req.param("roleId"));
    if (role === undefined) throw notFound();
    return c.json(role);
  });
};

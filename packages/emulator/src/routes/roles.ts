import { notFound } from "../domain/errors.js";
import { BUILT_IN_ROLES } from "../domain/role-catalog.js";
import { halCollection } from "../http/hal.js";
import { toRoleResource } from "../representations/role.js";
import type { RouteModule } from "./route-module.js";

/**
 * `GET /v1/roles[/{roleId}]`: the built-in role catalog. Roles are organisation-wide and readable with any
 * valid token (the bearer check still applies).
 */
export const roleRoutes: RouteModule = (app) => {
  app.get("/v1/roles", (c) => {
    const roles = BUILT_IN_ROLES.flatMap((role) => toRoleResource(c, role.id) ?? []);
    return c.json(halCollection(c, "roles", roles, { count: roles.length }));
  });

  app.get("/v1/roles/:roleId", (c) => {
    const role = toRoleResource(c, c.req.param("roleId"));
    if (role === undefined) throw notFound();
    return c.json(role);
  });
};

import {
  createGateway,
  listLdapGateways,
  removeGateway,
  replaceGateway,
  requireGateway,
} from "../domain/gateways.js";
import { Roles } from "../domain/roles.js";
import { halCollection } from "../http/hal.js";
import { readJsonObject } from "../http/json-body.js";
import { requireRole } from "../middleware/bearer-auth.js";
import { toGatewayResource } from "../representations/gateway.js";
import type { RouteModule } from "./route-module.js";

/**
 * `P/gateways[/{gatewayId}]`: LDAP gateways and their user types (docs/emulator-gateways.md). Reading
 * needs Environment Admin or Identity Data Admin (flows that migrate users read the user types);
 * changing a gateway is configuration, Environment Admin only. The list is not paged.
 */
export const gatewayRoutes: RouteModule = (app, ctx) => {
  const collection = "/v1/environments/:envId/gateways";
  const item = `${collection}/:gatewayId`;
  const readers = requireRole(Roles.environmentAdmin, Roles.identityDataAdmin);
  const writers = requireRole(Roles.environmentAdmin);

  app.get(collection, readers, (c) => {
    const gateways = listLdapGateways(ctx, c.req.param("envId")).map((gateway) =>
      toGatewayResource(c, gateway),
    );
    return c.json(halCollection(c, "gateways", gateways, { count: gateways.length }));
  });

  app.post(collection, writers, async (c) => {
    const body = await readJsonObject(c);
    const gateway = ctx.db.transaction(() => createGateway(ctx, c.req.param("envId"), body))();
    return c.json(toGatewayResource(c, gateway), 201);
  });

  app.get(item, readers, (c) =>
    c.json(toGatewayResource(c, requireGateway(ctx, c.req.param("envId"), c.req.param("gatewayId")))),
  );

  app.put(item, writers, async (c) => {
    const body = await readJsonObject(c);
    const gateway = ctx.db.transaction(() =>
      replaceGateway(ctx, c.req.param("envId"), c.req.param("gatewayId"), body),
    )();
    return c.json(toGatewayResource(c, gateway));
  });

  app.delete(item, writers, (c) => {
    ctx.db.transaction(() => removeGateway(ctx, c.req.param("envId"), c.req.param("gatewayId")))();
    return c.body(null, 204);
  });
};

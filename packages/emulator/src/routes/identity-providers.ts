import {
  createIdentityProvider,
  removeIdentityProvider,
  requireIdentityProvider,
} from "../domain/identity-providers.js";
import { Roles } from "../domain/roles.js";
import { readJsonObject } from "../http/json-body.js";
import { collectionPage, decodeCursor, nextAfterKeyset, parseLimit } from "../http/paging.js";
import { requireRole } from "../middleware/bearer-auth.js";
import { toIdentityProviderResource } from "../representations/identity-provider.js";
import { listIdentityProviders } from "../store/identity-providers.js";
import type { RouteModule } from "./route-module.js";

const MAX_PROVIDERS_PAGE = 1000;

/**
 * `P/identityProviders[/{id}]`: list, create, read and delete, enough to link accounts
 * (docs/emulator.md#identity-providers). Reading needs Environment Admin or Identity Data Admin (identity
 * data hangs off providers); changing a provider is configuration, Environment Admin only.
 */
export const identityProviderRoutes: RouteModule = (app, ctx) => {
  const collection = "/v1/environments/:envId/identityProviders";
  const item = `${collection}/:providerId`;
  const readers = requireRole(Roles.environmentAdmin, Roles.identityDataAdmin);
  const writers = requireRole(Roles.environmentAdmin);

  app.get(collection, readers, (c) => {
    const limit = parseLimit(c, { max: MAX_PROVIDERS_PAGE, fallback: MAX_PROVIDERS_PAGE });
    const after = decodeCursor(c);
    const page = listIdentityProviders(ctx.db, c.req.param("envId"), { after, limit });
    const items = page.rows.map((provider) => toIdentityProviderResource(c, provider));
    return c.json(
      collectionPage(c, "identityProviders", items, { count: page.count, next: nextAfterKeyset(page) }),
    );
  });

  app.post(collection, writers, async (c) => {
    const body = await readJsonObject(c);
    const provider = ctx.db.transaction(() => createIdentityProvider(ctx, c.req.param("envId"), body))();
    return c.json(toIdentityProviderResource(c, provider), 201);
  });

  app.get(item, readers, (c) => {
    const provider = requireIdentityProvider(ctx, c.req.param("envId"), c.req.param("providerId"));
    return c.json(toIdentityProviderResource(c, provider));
  });

  app.delete(item, writers, (c) => {
    removeIdentityProvider(ctx, c.req.param("envId"), c.req.param("providerId"));
    return c.body(null, 204);
  });
};

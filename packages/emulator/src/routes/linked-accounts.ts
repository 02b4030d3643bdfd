import type { Context } from "hono";
import type { EmulatorContext } from "../context.js";
import { requireUser } from "../domain/directory-lookups.js";
import { createLinkedAccount, removeLinkedAccount, requireLinkedAccount } from "../domain/linked-accounts.js";
import { Roles } from "../domain/roles.js";
import { parseOptionList } from "../http/filter-query.js";
import { readJsonObject } from "../http/json-body.js";
import { selectAction } from "../http/media-type.js";
import { collectionPage, decodeCursor, nextAfterOffset, parseLimit } from "../http/paging.js";
import { requireRole } from "../middleware/bearer-auth.js";
import { toIdentityProviderResource } from "../representations/identity-provider.js";
import { toLinkedAccountResource } from "../representations/linked-account.js";
import { findIdentityProvider } from "../store/identity-providers.js";
import { type LinkedAccountRecord, listLinkedAccounts } from "../store/linked-accounts.js";
import type { RouteModule } from "./route-module.js";

const MAX_LINKS_PAGE = 1000;

/**
 * The one action on the collection URL, told apart by its media type (docs/emulator.md#action-media-types).
 */
const LINK_ACTIONS = { "application/vnd.pingidentity.account.link+json": "link" } as const;

/** A link, with its provider embedded for `expand=identityProviders`. */
function linkResponse(c: Context, ctx: EmulatorContext, link: LinkedAccountRecord, expand: Set<string>) {
  const provider = expand.has("identityProviders")
    ? findIdentityProvider(ctx.db, link.environmentId, link.identityProviderId)
    : undefined;
  return toLinkedAccountResource(
    c,
    link,
    provider === undefined ? undefined : toIdentityProviderResource(c, provider),
  );
}

/**
 * `P/users/{userId}/linkedAccounts[/{linkId}]` (docs/emulator.md#linked-accounts), under Identity Data Admin.
 */
export const linkedAccountRoutes: RouteModule = (app, ctx) => {
  const collection = "/v1/environments/:envId/users/:userId/linkedAccounts";
  const item = `${collection}/:linkId`;
  const guard = requireRole(Roles.identityDataAdmin);

  app.get(collection, guard, (c) => {
    const limit = parseLimit(c, { max: MAX_LINKS_PAGE, fallback: MAX_LINKS_PAGE });
    const offset = decodeCursor(c);
    const expand = parseOptionList(c, "expand", ["identityProviders"] as const);
    const user = requireUser(ctx, c.req.param("envId"), c.req.param("userId"));
    const page = listLinkedAccounts(ctx.db, user.id, { offset, limit });
    const items = page.linkedAccounts.map((link) => linkResponse(c, ctx, link, expand));
    const next = nextAfterOffset(offset, items.length, page.count);
    return c.json(collectionPage(c, "linkedAccounts", items, { count: page.count, next }));
  });

  app.post(collection, guard, async (c) => {
    selectAction(c.req.header("content-type"), LINK_ACTIONS, ctx.settings.actionMediaTypes === "lenient");
    const body = await readJsonObject(c);
    const link = ctx.db.transaction(() =>
      createLinkedAccount(ctx, c.req.param("envId"), c.req.param("userId"), body),
    )();
    return c.json(toLinkedAccountResource(c, link), 201);
  });

  app.get(item, guard, (c) => {
    const expand = parseOptionList(c, "expand", ["identityProviders"] as const);
    const link = requireLinkedAccount(
      ctx,
      c.req.param("envId"),
      c.req.param("userId"),
      c.req.param("linkId"),
    );
    return c.json(linkResponse(c, ctx, link, expand));
  });

  app.delete(item, guard, (c) => {
    removeLinkedAccount(ctx, c.req.param("envId"), c.req.param("userId"), c.req.param("linkId"));
    return c.body(null, 204);
  });
};

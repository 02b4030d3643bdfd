import type { EmulatorContext } from "../context.js";
import { Roles } from "../domain/roles.js";
import { ErrorMessages } from "../http/error-messages.js";
import { parseOptionList } from "../http/filter-query.js";
import { halCollection, hrefWithCursor } from "../http/hal.js";
import { type JsonObject, readJsonObject } from "../http/json-body.js";
import { selectAction } from "../http/media-type.js";
import { decodeCursor, encodeCursor, parseLimit } from "../http/paging.js";
import {
  invalidData,
  notFound,
  type PingOneErrorDetail,
  uniquenessViolation,
} from "../http/pingone-error.js";
import { assertValid, type ObjectSpec } from "../http/validation.js";
import { requireRole } from "../middleware/bearer-auth.js";
import { findIdentityProvider } from "../store/identity-providers.js";
import {
  deleteLinkedAccount,
  findLinkByExternalId,
  findLinkedAccount,
  insertLinkedAccount,
  type LinkedAccountRecord,
  type LinkedAttribute,
  listLinkedAccounts,
} from "../store/linked-accounts.js";
import { requireUser } from "./directory-lookups.js";
import { DirectoryMessages } from "./directory-messages.js";
import { identityProviderBody, linkedAccountBody } from "./directory-representations.js";
import type { RouteModule } from "./route-module.js";

const MAX_LINKS_PAGE = 1000;

/** The one action on the collection URL, told apart by its media type (pingone-api.md §2.2). */
const LINK_ACTIONS = { "application/vnd.pingidentity.account.link+json": "link" } as const;

const LINK_SPEC: ObjectSpec = {
  identityProvider: {
    kind: "object",
    fields: { id: { kind: "string", minLength: 1 } },
    required: ["id"],
  },
  externalId: { kind: "string", minLength: 1, maxLength: 1024 },
  attributes: { kind: "anyObject" },
};

const UPDATE_MODES = ["EMPTY_ONLY", "ALWAYS"] as const;

/** `attributes` maps attribute names to `{value, update?}` (pingone-api.md §10.3). */
function linkedAttributesFrom(raw: unknown): Record<string, LinkedAttribute> | null {
  if (raw === undefined || raw === null) return null;
  const details: PingOneErrorDetail[] = [];
  const attributes: Record<string, LinkedAttribute> = {};
  for (const [name, entry] of Object.entries(raw as Record<string, unknown>)) {
    const target = `attributes.${name}`;
    if (typeof entry !== "object" || entry === null || Array.isArray(entry) || !("value" in entry)) {
      details.push({
        code: "INVALID_VALUE",
        target,
        message: ErrorMessages.wrongType('an object with a "value"'),
      });
      continue;
    }
    const { value, update, ...unknown } = entry as Record<string, unknown>;
    for (const extra of Object.keys(unknown)) {
      details.push({
        code: "INVALID_VALUE",
        target: `${target}.${extra}`,
        message: ErrorMessages.unknownAttribute,
      });
    }
    if (update !== undefined && !(UPDATE_MODES as readonly unknown[]).includes(update)) {
      details.push({
        code: "INVALID_VALUE",
        target: `${target}.update`,
        message: ErrorMessages.notOneOf,
        innerError: { allowedValues: [...UPDATE_MODES] },
      });
      continue;
    }
    attributes[name] =
      update === undefined ? { value } : { value, update: update as LinkedAttribute["update"] };
  }
  if (details.length > 0) throw invalidData(details);
  return attributes;
}

/**
 * Validates an `account.link+json` body and links the account, as `POST …/linkedAccounts` does; the seed
 * loader uses it too. Call inside a write transaction.
 */
export function createLinkedAccount(
  ctx: EmulatorContext,
  environmentId: string,
  userId: string,
  body: JsonObject,
  id: string = crypto.randomUUID(),
): LinkedAccountRecord {
  assertValid(body, LINK_SPEC, { required: ["identityProvider", "externalId"] });
  const attributes = linkedAttributesFrom(body.attributes);
  const providerId = (body.identityProvider as { id: string }).id;
  const externalId = body.externalId as string;
  const user = requireUser(ctx, environmentId, userId);
  if (findIdentityProvider(ctx.db, environmentId, providerId) === undefined) {
    throw invalidData([
      {
        code: "INVALID_VALUE",
        target: "identityProvider.id",
        message: DirectoryMessages.unknownIdentityProvider,
      },
    ]);
  }
  const existing = findLinkByExternalId(ctx.db, providerId, externalId);
  if (existing !== undefined) throw uniquenessViolation("externalId", existing, ctx.settings.duplicateStatus);
  return insertLinkedAccount(
    ctx.db,
    { environmentId, userId: user.id, identityProviderId: providerId, externalId, attributes },
    ctx.clock.now(),
    id,
  );
}

/** `P/users/{userId}/linkedAccounts[/{linkId}]` (pingone-api.md §10.3), under Identity Data Admin. */
export const linkedAccountRoutes: RouteModule = (app, ctx) => {
  const collection = "/v1/environments/:envId/users/:userId/linkedAccounts";
  const item = `${collection}/:linkId`;
  const guard = requireRole(Roles.identityDataAdmin);

  app.get(collection, guard, (c) => {
    const environmentId = c.req.param("envId");
    const limit = parseLimit(c, { max: MAX_LINKS_PAGE, fallback: MAX_LINKS_PAGE });
    const offset = decodeCursor(c);
    const expand = parseOptionList(c, "expand", ["identityProviders"] as const);
    const user = requireUser(ctx, environmentId, c.req.param("userId"));
    const page = listLinkedAccounts(ctx.db, user.id, { offset, limit });
    const items = page.linkedAccounts.map((link) => {
      const provider = expand.has("identityProviders")
        ? findIdentityProvider(ctx.db, environmentId, link.identityProviderId)
        : undefined;
      return linkedAccountBody(
        c,
        link,
        provider === undefined ? undefined : identityProviderBody(c, provider),
      );
    });
    const end = offset + items.length;
    const nextHref = end < page.count ? hrefWithCursor(c, encodeCursor(c, end)) : undefined;
    return c.json(
      halCollection(c, "linkedAccounts", items, { count: page.count, ...(nextHref ? { nextHref } : {}) }),
    );
  });

  app.post(collection, guard, async (c) => {
    selectAction(c.req.header("content-type"), LINK_ACTIONS, ctx.settings.actionMediaTypes === "lenient");
    const body = await readJsonObject(c);
    const link = ctx.db.transaction(() =>
      createLinkedAccount(ctx, c.req.param("envId"), c.req.param("userId"), body),
    )();
    return c.json(linkedAccountBody(c, link), 201);
  });

  app.get(item, guard, (c) => {
    const environmentId = c.req.param("envId");
    const expand = parseOptionList(c, "expand", ["identityProviders"] as const);
    const user = requireUser(ctx, environmentId, c.req.param("userId"));
    const link = findLinkedAccount(ctx.db, user.id, c.req.param("linkId"));
    if (link === undefined) throw notFound();
    const provider = expand.has("identityProviders")
      ? findIdentityProvider(ctx.db, environmentId, link.identityProviderId)
      : undefined;
    return c.json(
      linkedAccountBody(c, link, provider === undefined ? undefined : identityProviderBody(c, provider)),
    );
  });

  app.delete(item, guard, (c) => {
    const environmentId = c.req.param("envId");
    ctx.db.transaction(() => {
      const user = requireUser(ctx, environmentId, c.req.param("userId"));
      const link = findLinkedAccount(ctx.db, user.id, c.req.param("linkId"));
      if (link === undefined) throw notFound();
      deleteLinkedAccount(ctx.db, link.id);
    })();
    return c.body(null, 204);
  });
};

import type { Context } from "hono";
import type { EmulatorContext } from "../context.js";
import {
  assertUsernameFree,
  createUser,
  declaredCustomAttributes,
  loadUser,
  parseNewUser,
} from "../domain/create-user.js";
import { memberOfGroupsCondition, userGroupIdsAndNames } from "../domain/group-membership-queries.js";
import { toPopulationResource } from "../domain/population-resource.js";
import { Roles } from "../domain/roles.js";
import { customAttributeValues, profileColumns, userBodySpec } from "../domain/user-attributes.js";
import { toUserResource } from "../domain/user-resource.js";
import { compileFilterParameter, parseOptionList } from "../http/filter-query.js";
import { halCollection, hrefWithCursor } from "../http/hal.js";
import { type JsonObject, readJsonObject } from "../http/json-body.js";
import { selectAction } from "../http/media-type.js";
import { decodeCursor, encodeCursor, parseLimit } from "../http/paging.js";
import { invalidData } from "../http/pingone-error.js";
import { assertValid } from "../http/validation.js";
import { requireRole } from "../middleware/bearer-auth.js";
import { usersFilterSchema } from "../scim/filter-schemas.js";
import { countRows } from "../store/cached-count.js";
import { cachedStatement } from "../store/database.js";
import { countPopulationUsers, findPopulation } from "../store/populations.js";
import { deleteUser, type UserColumnChanges, type UserRow, updateUserColumns } from "../store/users.js";
import { USER_ATTRIBUTE_COLUMNS } from "../store/users-schema.js";
import type { RouteModule } from "./route-module.js";

/** Other route modules load users through this (it lives with user creation). */
export { loadUser } from "../domain/create-user.js";

/** pingone-api.md §2.4: `limit` 1…1000; pages are capped by the usersPageCap setting (200). */
const USERS_LIMIT_MAX = 1000;

const CREATE_MEDIA_TYPES = {
  "application/json": "create",
  "application/vnd.pingidentity.user.import+json": "import",
} as const;

/** PUT and PATCH cannot move a user: that is `PUT …/population`. Sending the current one is fine. */
function assertPopulationUnchanged(body: JsonObject, user: UserRow): void {
  const requested = (body.population as { id?: string } | null | undefined)?.id;
  if (requested !== undefined && requested !== user.population_id) {
    throw invalidData([
      {
        code: "INVALID_VALUE",
        target: "population.id",
        message: "can only be changed with PUT …/users/{id}/population",
      },
    ]);
  }
}

/** A new email address is not verified, whatever the old one was. */
function emailVerificationChange(body: JsonObject, user: UserRow): UserColumnChanges {
  if (!("email" in body)) return {};
  const email = body.email as string | null;
  return email?.toLowerCase() === user.email?.toLowerCase() ? {} : { email_verified: 0 };
}

/** Population resources for `expand=population`, built once per population for a whole page. */
function populationEmbedder(
  c: Context,
  ctx: EmulatorContext,
): (user: UserRow) => Record<string, unknown> | undefined {
  const built = new Map<string, Record<string, unknown> | undefined>();
  return (user) => {
    if (!built.has(user.population_id)) {
      const population = findPopulation(ctx.db, user.environment_id, user.population_id);
      built.set(
        user.population_id,
        population === undefined
          ? undefined
          : toPopulationResource(c, population, countPopulationUsers(ctx.db, population.id)),
      );
    }
    return built.get(user.population_id);
  };
}

/** The user resource plus the `include`/`expand` extras a read asked for. */
function userResponse(
  c: Context,
  ctx: EmulatorContext,
  user: UserRow,
  options: {
    embedPopulation?: (user: UserRow) => Record<string, unknown> | undefined;
    include?: Set<string>;
  },
): Record<string, unknown> {
  const resource = toUserResource(c, user, ctx.clock.now());
  if (options.include !== undefined && options.include.size > 0) {
    const groups = userGroupIdsAndNames(ctx, user.environment_id, user.id);
    if (options.include.has("memberOfGroupIDs")) resource.memberOfGroupIDs = groups.memberOfGroupIDs;
    if (options.include.has("memberOfGroupNames")) resource.memberOfGroupNames = groups.memberOfGroupNames;
  }
  const population = options.embedPopulation?.(user);
  if (population !== undefined) resource._embedded = { population };
  return resource;
}

/** Users: create/import, read, list with SCIM filter and cursor, replace, update, delete. */
export const userRoutes: RouteModule = (app, ctx) => {
  const { db, clock, settings } = ctx;
  const guard = requireRole(Roles.identityDataAdmin);
  const base = "/v1/environments/:envId/users";

  app.get(base, guard, (c) => {
    const envId = c.req.param("envId");
    const expand = parseOptionList(c, "expand", ["population"] as const);
    const limit = Math.min(
      parseLimit(c, { max: USERS_LIMIT_MAX, fallback: settings.usersPageCap }),
      settings.usersPageCap,
    );
    const after = decodeCursor(c);
    const declared = declaredCustomAttributes(db, envId);
    const schema = usersFilterSchema({
      caseInsensitiveIdentifiers: settings.caseInsensitiveUsernameEmail,
      customAttribute: (name) => declared.find((custom) => custom.toLowerCase() === name.toLowerCase()),
    });
    const filter = compileFilterParameter(c, schema, {
      column(attribute) {
        const column = USER_ATTRIBUTE_COLUMNS[attribute];
        if (column !== undefined) return { sql: `u.${column}`, params: [] };
        return { sql: "json_extract(u.custom_attributes, ?)", params: [`$."${attribute}"`] };
      },
      valuePath: (node) => memberOfGroupsCondition(ctx, envId, node.value, "u"),
    });
    const where = filter === undefined ? "u.environment_id = ?" : `u.environment_id = ? AND ${filter.sql}`;
    const params = filter === undefined ? [envId] : [envId, ...filter.params];
    const count = countRows(db, `SELECT COUNT(*) FROM users u WHERE ${where}`, params);
    // The page size is a validated integer written into the SQL: with `LIMIT ?` SQLite plans the
    // username lookup three times slower (measured), and the cache holds one statement per size.
    const rows = cachedStatement(
      db,
      `SELECT u.* FROM users u WHERE ${where} AND u.seq > ? ORDER BY u.seq LIMIT ${Math.trunc(limit) + 1}`,
    ).all(...params, after) as UserRow[];
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const nextHref =
      rows.length > limit && last !== undefined ? hrefWithCursor(c, encodeCursor(c, last.seq)) : undefined;
    const embedPopulation = expand.has("population") ? populationEmbedder(c, ctx) : undefined;
    const items = page.map((user) => userResponse(c, ctx, user, { embedPopulation }));
    return c.json(halCollection(c, "users", items, { count, nextHref }));
  });

  app.post(base, guard, async (c) => {
    const envId = c.req.param("envId");
    const kind = selectAction(
      c.req.header("content-type"),
      CREATE_MEDIA_TYPES,
      settings.actionMediaTypes === "lenient",
    );
    const request = parseNewUser(db, envId, await readJsonObject(c), kind);
    const created = db.transaction(() => createUser(ctx, envId, request))();
    return c.json(toUserResource(c, created, clock.now()), 201);
  });

  app.get(`${base}/:userId`, guard, (c) => {
    const include = parseOptionList(c, "include", ["memberOfGroupIDs", "memberOfGroupNames"] as const);
    const expand = parseOptionList(c, "expand", ["population"] as const);
    const user = loadUser(db, c.req.param("envId"), c.req.param("userId"));
    const embedPopulation = expand.has("population") ? populationEmbedder(c, ctx) : undefined;
    return c.json(userResponse(c, ctx, user, { embedPopulation, include }));
  });

  app.put(`${base}/:userId`, guard, async (c) => {
    const envId = c.req.param("envId");
    const body = await readJsonObject(c);
    const declared = declaredCustomAttributes(db, envId);
    assertValid(body, userBodySpec("replace"), {
      required: ["username", "email"],
      extraStringAttributes: declared,
    });
    const updated = db.transaction(() => {
      const user = loadUser(db, envId, c.req.param("userId"));
      assertPopulationUnchanged(body, user);
      assertUsernameFree(ctx, envId, body.username as string, user.id);
      const current = JSON.parse(user.custom_attributes) as Record<string, unknown>;
      updateUserColumns(
        db,
        user.id,
        {
          ...profileColumns(body, "replace"),
          ...emailVerificationChange(body, user),
          custom_attributes: JSON.stringify(customAttributeValues(body, declared, current, "replace")),
        },
        clock.now(),
      );
      return loadUser(db, envId, user.id);
    })();
    return c.json(toUserResource(c, updated, clock.now()));
  });

  app.patch(`${base}/:userId`, guard, async (c) => {
    const envId = c.req.param("envId");
    const body = await readJsonObject(c);
    const declared = declaredCustomAttributes(db, envId);
    const required = ["username", "email"].filter((name) => name in body);
    assertValid(body, userBodySpec("patch"), { required, extraStringAttributes: declared });
    const updated = db.transaction(() => {
      const user = loadUser(db, envId, c.req.param("userId"));
      assertPopulationUnchanged(body, user);
      if (typeof body.username === "string") assertUsernameFree(ctx, envId, body.username, user.id);
      const current = JSON.parse(user.custom_attributes) as Record<string, unknown>;
      updateUserColumns(
        db,
        user.id,
        {
          ...profileColumns(body, "merge"),
          ...emailVerificationChange(body, user),
          custom_attributes: JSON.stringify(customAttributeValues(body, declared, current, "merge")),
        },
        clock.now(),
      );
      return loadUser(db, envId, user.id);
    })();
    return c.json(toUserResource(c, updated, clock.now()));
  });

  app.delete(`${base}/:userId`, guard, (c) => {
    const envId = c.req.param("envId");
    db.transaction(() => {
      const user = loadUser(db, envId, c.req.param("userId"));
      deleteUser(db, user.id);
    })();
    return c.body(null, 204);
  });
};

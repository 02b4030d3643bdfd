import type { Context } from "hono";
import type { EmulatorContext } from "../context.js";
import { createUser, loadUser, parseNewUser } from "../domain/create-user.js";
import { memberOfGroupsCondition, userGroupIdsAndNames } from "../domain/group-membership-queries.js";
import { Roles } from "../domain/roles.js";
import { removeUser, updateUserProfile } from "../domain/update-user.js";
import { environmentUsersFilterSchema } from "../domain/user-filter.js";
import { compileFilterParameter, parseOptionList } from "../http/filter-query.js";
import type { EmulatorEnv } from "../http/hono-env.js";
import { readJsonObject } from "../http/json-body.js";
import { selectAction } from "../http/media-type.js";
import { collectionPage, decodeCursor, nextAfterKeyset, parseLimit } from "../http/paging.js";
import { requireRole } from "../middleware/bearer-auth.js";
import { toPopulationResource } from "../representations/population.js";
import { toUserResource } from "../representations/user.js";
import { countPopulationUsers, findPopulation } from "../store/populations.js";
import { listUsers, type UserRow, userFilterColumn } from "../store/users.js";
import type { RouteModule } from "./route-module.js";

/** `limit` 1…1000; pages are capped by the usersPageCap setting (docs/emulator.md#paging). */
const USERS_LIMIT_MAX = 1000;

const CREATE_MEDIA_TYPES = {
  "application/json": "create",
  "application/vnd.pingidentity.user.import+json": "import",
} as const;

type UsersContext = Context<EmulatorEnv, "/v1/environments/:envId/users">;
type UserContext = Context<EmulatorEnv, "/v1/environments/:envId/users/:userId">;

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

/** `GET P/users`: SCIM filter (with `memberOfGroups[id eq …]`), keyset cursor, `expand=population`. */
function listUsersRoute(c: UsersContext, ctx: EmulatorContext): Response {
  const { db, settings } = ctx;
  const envId = c.req.param("envId");
  const expand = parseOptionList(c, "expand", ["population"] as const);
  const limit = Math.min(
    parseLimit(c, { max: USERS_LIMIT_MAX, fallback: settings.usersPageCap }),
    settings.usersPageCap,
  );
  const after = decodeCursor(c);
  const filter = compileFilterParameter(c, environmentUsersFilterSchema(db, settings, envId), {
    column: userFilterColumn("u"),
    valuePath: (node) => memberOfGroupsCondition(ctx, envId, node.value, "u"),
  });
  const page = listUsers(db, envId, filter, { after, limit });
  const embedPopulation = expand.has("population") ? populationEmbedder(c, ctx) : undefined;
  const items = page.rows.map((user) => userResponse(c, ctx, user, { embedPopulation }));
  return c.json(collectionPage(c, "users", items, { count: page.count, next: nextAfterKeyset(page) }));
}

/** `POST P/users`: create (`application/json`) or import (`user.import+json`). */
async function createUserRoute(c: UsersContext, ctx: EmulatorContext): Promise<Response> {
  const envId = c.req.param("envId");
  const lenient = ctx.settings.actionMediaTypes === "lenient";
  const kind = selectAction(c.req.header("content-type"), CREATE_MEDIA_TYPES, lenient);
  const request = parseNewUser(ctx.db, envId, await readJsonObject(c), kind);
  const created = ctx.db.transaction(() => createUser(ctx, envId, request))();
  return c.json(toUserResource(c, created, ctx.clock.now()), 201);
}

/** `GET P/users/{id}` with `include=memberOfGroupIDs|memberOfGroupNames` and `expand=population`. */
function readUserRoute(c: UserContext, ctx: EmulatorContext): Response {
  const include = parseOptionList(c, "include", ["memberOfGroupIDs", "memberOfGroupNames"] as const);
  const expand = parseOptionList(c, "expand", ["population"] as const);
  const user = loadUser(ctx.db, c.req.param("envId"), c.req.param("userId"));
  const embedPopulation = expand.has("population") ? populationEmbedder(c, ctx) : undefined;
  return c.json(userResponse(c, ctx, user, { embedPopulation, include }));
}

/** Users: create/import, read, list with SCIM filter and cursor, replace, update, delete. */
export const userRoutes: RouteModule = (app, ctx) => {
  const guard = requireRole(Roles.identityDataAdmin);
  const base = "/v1/environments/:envId/users";
  const item = `${base}/:userId`;
  const update = (mode: "replace" | "merge") => async (c: UserContext) => {
    const body = await readJsonObject(c);
    const user = updateUserProfile(ctx, c.req.param("envId"), c.req.param("userId"), body, mode);
    return c.json(toUserResource(c, user, ctx.clock.now()));
  };

  app.get(base, guard, (c) => listUsersRoute(c, ctx));
  app.post(base, guard, (c) => createUserRoute(c, ctx));
  app.get(item, guard, (c) => readUserRoute(c, ctx));
  app.put(item, guard, update("replace"));
  app.patch(item, guard, update("merge"));
  app.delete(item, guard, (c) => {
    ctx.db.transaction(() => removeUser(ctx, c.req.param("envId"), c.req.param("userId")))();
    return c.body(null, 204);
  });
};

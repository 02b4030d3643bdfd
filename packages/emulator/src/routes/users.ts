import type { Context } from "hono";
import type { EmulatorContext } from "../context.js";
import { memberOfGroupsCondition, userGroupIdsAndNames } from "../domain/group-membership-queries.js";
import { type PasswordPolicyRules, profileValuesOf } from "../domain/password-policy.js";
import { storedPasswordFor } from "../domain/password-value.js";
import { toPopulationResource } from "../domain/population-resource.js";
import { Roles } from "../domain/roles.js";
import { customAttributeValues, profileColumns, userBodySpec } from "../domain/user-attributes.js";
import { parseImportPassword } from "../domain/user-import.js";
import { toUserResource } from "../domain/user-resource.js";
import { sendVerificationCode } from "../domain/user-verification.js";
import { ErrorMessages } from "../http/error-messages.js";
import { compileFilterParameter, parseOptionList } from "../http/filter-query.js";
import { halCollection, hrefWithCursor } from "../http/hal.js";
import { type JsonObject, readJsonObject } from "../http/json-body.js";
import { selectAction } from "../http/media-type.js";
import { decodeCursor, encodeCursor, parseLimit } from "../http/paging.js";
import { invalidData, notFound, uniquenessViolation } from "../http/pingone-error.js";
import { assertValid } from "../http/validation.js";
import { requireRole } from "../middleware/bearer-auth.js";
import { usersFilterSchema } from "../scim/filter-schemas.js";
import type { EmulatorDatabase } from "../store/database.js";
import { customUserAttributes, findEnvironment } from "../store/environments.js";
import { effectivePasswordPolicy } from "../store/password-policies.js";
import { countPopulationUsers, findDefaultPopulation, findPopulation } from "../store/populations.js";
import {
  deleteUser,
  findUser,
  findUserIdByUsername,
  insertUser,
  type UserColumnChanges,
  type UserRow,
  updateUserColumns,
} from "../store/users.js";
import { USER_ATTRIBUTE_COLUMNS } from "../store/users-schema.js";
import type { RouteModule } from "./route-module.js";

/** pingone-api.md §2.4: `limit` 1…1000; pages are capped by the usersPageCap setting (200). */
const USERS_LIMIT_MAX = 1000;

const CREATE_MEDIA_TYPES = {
  "application/json": "create",
  "application/vnd.pingidentity.user.import+json": "import",
} as const;

export function declaredCustomAttributes(db: EmulatorDatabase, environmentId: string): string[] {
  const environment = findEnvironment(db, environmentId);
  return environment === undefined ? [] : customUserAttributes(environment);
}

/** Loads a user of the environment or throws 404. */
export function loadUser(db: EmulatorDatabase, environmentId: string, userId: string): UserRow {
  const user = findUser(db, environmentId, userId);
  if (user === undefined) throw notFound();
  return user;
}

function assertUsernameFree(
  ctx: EmulatorContext,
  environmentId: string,
  username: string,
  selfId?: string,
): void {
  const holder = findUserIdByUsername(ctx.db, environmentId, username);
  if (holder !== undefined && holder !== selfId) {
    throw uniquenessViolation("username", holder, ctx.settings.duplicateStatus);
  }
}

function resolvePopulationId(db: EmulatorDatabase, environmentId: string, body: JsonObject): string {
  const requested = (body.population as { id?: string } | null | undefined)?.id;
  if (requested !== undefined) {
    if (findPopulation(db, environmentId, requested) === undefined) {
      throw invalidData([
        { code: "INVALID_VALUE", target: "population.id", message: ErrorMessages.unknownPopulation },
      ]);
    }
    return requested;
  }
  const fallback = findDefaultPopulation(db, environmentId);
  if (fallback === undefined) {
    throw invalidData([
      { code: "REQUIRED_VALUE", target: "population.id", message: ErrorMessages.requiredValue },
    ]);
  }
  return fallback.id;
}

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

function policyRules(db: EmulatorDatabase, environmentId: string, populationId: string): PasswordPolicyRules {
  const population = findPopulation(db, environmentId, populationId);
  const policy = effectivePasswordPolicy(db, environmentId, population?.password_policy_id ?? null);
  return policy === undefined ? {} : (JSON.parse(policy.policy) as PasswordPolicyRules);
}

/** The user resource plus the `include`/`expand` extras a read asked for. */
function userResponse(
  c: Context,
  ctx: EmulatorContext,
  user: UserRow,
  options: { expandPopulation: boolean; include?: Set<string> },
): Record<string, unknown> {
  const resource = toUserResource(c, user, ctx.clock.now());
  if (options.include !== undefined && options.include.size > 0) {
    const groups = userGroupIdsAndNames(ctx, user.environment_id, user.id);
    if (options.include.has("memberOfGroupIDs")) resource.memberOfGroupIDs = groups.memberOfGroupIDs;
    if (options.include.has("memberOfGroupNames")) resource.memberOfGroupNames = groups.memberOfGroupNames;
  }
  if (options.expandPopulation) {
    const population = findPopulation(ctx.db, user.environment_id, user.population_id);
    if (population !== undefined) {
      resource._embedded = {
        population: toPopulationResource(c, population, countPopulationUsers(ctx.db, population.id)),
      };
    }
  }
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
    const count = db
      .prepare(`SELECT COUNT(*) FROM users u WHERE ${where}`)
      .pluck()
      .get(...params) as number;
    const rows = db
      .prepare(`SELECT u.* FROM users u WHERE ${where} AND u.seq > ? ORDER BY u.seq LIMIT ?`)
      .all(...params, after, limit + 1) as UserRow[];
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const nextHref =
      rows.length > limit && last !== undefined ? hrefWithCursor(c, encodeCursor(c, last.seq)) : undefined;
    const items = page.map((user) =>
      userResponse(c, ctx, user, { expandPopulation: expand.has("population") }),
    );
    return c.json(halCollection(c, "users", items, { count, nextHref }));
  });

  app.post(base, guard, async (c) => {
    const envId = c.req.param("envId");
    const kind = selectAction(
      c.req.header("content-type"),
      CREATE_MEDIA_TYPES,
      settings.actionMediaTypes === "lenient",
    );
    const body = await readJsonObject(c);
    const declared = declaredCustomAttributes(db, envId);
    const { password: rawPassword, ...rest } = body;
    if (kind === "create" && rawPassword !== undefined) {
      throw invalidData([
        { code: "INVALID_VALUE", target: "password", message: ErrorMessages.readOnlyAttribute },
      ]);
    }
    assertValid(rest, userBodySpec(kind), {
      required: ["username", "email"],
      extraStringAttributes: declared,
    });
    const password = kind === "import" ? parseImportPassword(rawPassword) : undefined;
    const lifecycle = body.lifecycle as { status?: string; suppressVerificationCode?: boolean } | undefined;
    const identityProvider = body.identityProvider as { id?: string; type?: string } | undefined;

    const created = db.transaction(() => {
      const now = clock.now();
      assertUsernameFree(ctx, envId, body.username as string);
      const populationId = resolvePopulationId(db, envId, body);
      const id = crypto.randomUUID();
      const columns = {
        ...profileColumns(rest, "replace"),
        id,
        environment_id: envId,
        population_id: populationId,
        username: body.username as string,
        custom_attributes: JSON.stringify(customAttributeValues(body, declared, {}, "replace")),
      };
      const extra: UserColumnChanges = {};
      if (kind === "import") {
        if (body.emailVerified === true) extra.email_verified = 1;
        if (lifecycle?.status !== undefined) extra.lifecycle_status = lifecycle.status;
        if (identityProvider?.id !== undefined) extra.identity_provider_id = identityProvider.id;
        if (identityProvider?.type !== undefined) extra.identity_provider_type = identityProvider.type;
        if (password?.externalGateway !== undefined) {
          extra.password_external_gateway = JSON.stringify(password.externalGateway);
          extra.password_status = "EXTERNAL";
        }
        if (password?.value !== undefined) {
          extra.password_hash = storedPasswordFor(password.value, {
            field: "password",
            policyTarget: "password",
            rules: policyRules(db, envId, populationId),
            context: { profileValues: profileValuesOf(rest) },
          }).stored;
          extra.password_status = password.forceChange ? "MUST_CHANGE_PASSWORD" : "OK";
          extra.password_must_change = password.forceChange ? 1 : 0;
          extra.password_last_changed_at = now;
        }
      }
      insertUser(db, { ...columns, ...extra }, now);
      const email = body.email as string | undefined;
      if (
        kind === "import" &&
        lifecycle?.status === "VERIFICATION_REQUIRED" &&
        lifecycle.suppressVerificationCode !== true &&
        email !== undefined
      ) {
        sendVerificationCode(db, { id, environment_id: envId, email }, now);
      }
      return loadUser(db, envId, id);
    })();
    return c.json(toUserResource(c, created, clock.now()), 201);
  });

  app.get(`${base}/:userId`, guard, (c) => {
    const include = parseOptionList(c, "include", ["memberOfGroupIDs", "memberOfGroupNames"] as const);
    const expand = parseOptionList(c, "expand", ["population"] as const);
    const user = loadUser(db, c.req.param("envId"), c.req.param("userId"));
    return c.json(userResponse(c, ctx, user, { expandPopulation: expand.has("population"), include }));
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

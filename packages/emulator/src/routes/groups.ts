import type { Context } from "hono";
import type { EmulatorContext } from "../context.js";
import { dynamicGroupFilterCompiler, validateDynamicGroupFilter } from "../domain/dynamic-group-filter.js";
import { Roles } from "../domain/roles.js";
import { ErrorMessages } from "../http/error-messages.js";
import { compileFilterParameter, parseOptionList } from "../http/filter-query.js";
import { halCollection, hrefWithCursor } from "../http/hal.js";
import { type JsonObject, readJsonObject } from "../http/json-body.js";
import { decodeCursor, encodeCursor, parseLimit } from "../http/paging.js";
import { invalidData, uniquenessViolation } from "../http/pingone-error.js";
import { assertValid, type ObjectSpec } from "../http/validation.js";
import { requireRole } from "../middleware/bearer-auth.js";
import { groupsFilterSchema } from "../scim/filter-schemas.js";
import { countAllMembers, countDirectMembers } from "../store/group-memberships.js";
import {
  deleteGroup,
  findConflictingGroupName,
  GROUP_FILTER_COLUMNS,
  type GroupFields,
  type GroupRecord,
  insertGroup,
  listGroups,
  replaceGroup,
} from "../store/groups.js";
import { findPopulation } from "../store/populations.js";
import { withFilterErrors } from "./directory-filters.js";
import { requireGroup } from "./directory-lookups.js";
import { DirectoryMessages } from "./directory-messages.js";
import { groupBody } from "./directory-representations.js";
import type { RouteModule } from "./route-module.js";

/** Groups allow pages of 1…1000 (community spec, readAllGroups). */
const MAX_GROUPS_PAGE = 1000;

const readOnly = { kind: "readOnly" } as const;

/** The writable attributes of a group (pingone-api.md §10.1); everything PingOne computes is read-only. */
const GROUP_SPEC: ObjectSpec = {
  name: { kind: "string", minLength: 1, maxLength: 256 },
  description: { kind: "string", maxLength: 1024 },
  population: { kind: "object", fields: { id: { kind: "string", minLength: 1 } }, required: ["id"] },
  userFilter: { kind: "string", minLength: 1, maxLength: 4096 },
  externalId: { kind: "string", maxLength: 1024 },
  customData: { kind: "anyObject" },
  id: readOnly,
  environment: readOnly,
  displayName: readOnly,
  sourceId: readOnly,
  sourceType: readOnly,
  directMemberCounts: readOnly,
  totalMemberCounts: readOnly,
  createdAt: readOnly,
  updatedAt: readOnly,
  _links: readOnly,
  _embedded: readOnly,
};

function groupFieldsFrom(body: JsonObject): GroupFields {
  const population = body.population as { id: string } | null | undefined;
  const optional = (key: string) => (typeof body[key] === "string" ? (body[key] as string) : null);
  return {
    name: body.name as string,
    populationId: population?.id ?? null,
    description: optional("description"),
    userFilter: optional("userFilter"),
    externalId: optional("externalId"),
    customData: (body.customData as Record<string, unknown> | null | undefined) ?? null,
  };
}

/** Checks what the body validator cannot: the population exists, the filter compiles, the name is free. */
function assertGroupFieldsUsable(
  ctx: EmulatorContext,
  environmentId: string,
  fields: GroupFields,
  existing?: GroupRecord,
): void {
  if (
    fields.populationId !== null &&
    findPopulation(ctx.db, environmentId, fields.populationId) === undefined
  ) {
    throw invalidData([
      { code: "INVALID_VALUE", target: "population.id", message: ErrorMessages.unknownPopulation },
    ]);
  }
  if (existing !== undefined && existing.populationId !== fields.populationId) {
    throw invalidData([
      { code: "INVALID_VALUE", target: "population.id", message: DirectoryMessages.groupPopulationImmutable },
    ]);
  }
  if (fields.userFilter !== null) {
    const filter = fields.userFilter;
    withFilterErrors("userFilter", () =>
      validateDynamicGroupFilter(ctx.db, environmentId, filter, ctx.settings.caseInsensitiveUsernameEmail),
    );
  }
  const clash = findConflictingGroupName(
    ctx.db,
    environmentId,
    fields.name,
    fields.populationId,
    existing?.id,
  );
  if (clash !== undefined) throw uniquenessViolation("name", clash, ctx.settings.duplicateStatus);
}

function renderGroup(c: Context, ctx: EmulatorContext, group: GroupRecord, withTotal: boolean) {
  const direct = countDirectMembers(ctx.db, [group.id]).get(group.id) ?? 0;
  const total = withTotal
    ? countAllMembers(
        ctx.db,
        group.environmentId,
        group.id,
        dynamicGroupFilterCompiler(ctx.db, group.environmentId, ctx.settings.caseInsensitiveUsernameEmail),
      )
    : undefined;
  return groupBody(c, group, {
    directMembers: direct,
    ...(total === undefined ? {} : { totalMembers: total }),
  });
}

/**
 * Validates a group body as `POST P/groups` does and stores it; the seed loader uses it too (with its own id).
 * Call inside a write transaction. Throws PingOne's 400 for anything PingOne would refuse.
 */
export function createGroup(
  ctx: EmulatorContext,
  environmentId: string,
  body: JsonObject,
  id: string = crypto.randomUUID(),
): GroupRecord {
  assertValid(body, GROUP_SPEC, { required: ["name"] });
  const fields = groupFieldsFrom(body);
  assertGroupFieldsUsable(ctx, environmentId, fields);
  return insertGroup(ctx.db, environmentId, fields, ctx.clock.now(), id);
}

/** `P/groups` and `P/groups/{groupId}` (pingone-api.md §10.1), all under Identity Data Admin. */
export const groupRoutes: RouteModule = (app, ctx) => {
  const collection = "/v1/environments/:envId/groups";
  const item = `${collection}/:groupId`;
  const guard = requireRole(Roles.identityDataAdmin);

  app.get(collection, guard, (c) => {
    const environmentId = c.req.param("envId");
    const limit = parseLimit(c, { max: MAX_GROUPS_PAGE, fallback: MAX_GROUPS_PAGE });
    const afterSeq = decodeCursor(c);
    const filter = compileFilterParameter(c, groupsFilterSchema, {
      column: (attribute) => ({ sql: GROUP_FILTER_COLUMNS[attribute] ?? "NULL", params: [] }),
      // The groups filter declares no bracketed attributes, so the parser refuses them before this.
      valuePath: () => ({ sql: "0", params: [] }),
    });
    const page = listGroups(ctx.db, environmentId, {
      afterSeq,
      limit,
      ...(filter === undefined ? {} : { filter }),
    });
    const direct = countDirectMembers(
      ctx.db,
      page.groups.map((group) => group.id),
    );
    const items = page.groups.map((group) =>
      groupBody(c, group, { directMembers: direct.get(group.id) ?? 0 }),
    );
    const nextHref =
      page.hasMore && page.lastSeq !== undefined
        ? hrefWithCursor(c, encodeCursor(c, page.lastSeq))
        : undefined;
    return c.json(
      halCollection(c, "groups", items, { count: page.count, ...(nextHref ? { nextHref } : {}) }),
    );
  });

  app.post(collection, guard, async (c) => {
    const body = await readJsonObject(c);
    const group = ctx.db.transaction(() => createGroup(ctx, c.req.param("envId"), body))();
    return c.json(renderGroup(c, ctx, group, false), 201);
  });

  app.get(item, guard, (c) => {
    const environmentId = c.req.param("envId");
    const include = parseOptionList(c, "include", ["totalMemberCounts"] as const);
    const group = requireGroup(ctx, environmentId, c.req.param("groupId"));
    return c.json(renderGroup(c, ctx, group, include.has("totalMemberCounts")));
  });

  app.put(item, guard, async (c) => {
    const environmentId = c.req.param("envId");
    const body = await readJsonObject(c);
    assertValid(body, GROUP_SPEC, { required: ["name"] });
    const fields = groupFieldsFrom(body);
    const group = ctx.db.transaction(() => {
      const existing = requireGroup(ctx, environmentId, c.req.param("groupId"));
      assertGroupFieldsUsable(ctx, environmentId, fields, existing);
      return replaceGroup(ctx.db, existing, fields, ctx.clock.now());
    })();
    return c.json(renderGroup(c, ctx, group, false));
  });

  app.delete(item, guard, (c) => {
    const environmentId = c.req.param("envId");
    ctx.db.transaction(() => {
      const group = requireGroup(ctx, environmentId, c.req.param("groupId"));
      deleteGroup(ctx.db, group.id);
    })();
    return c.body(null, 204);
  });
};

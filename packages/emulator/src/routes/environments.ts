import { createHash } from "node:crypto";
import type { Context } from "hono";
import { toIsoTimestamp } from "../clock.js";
import { Roles } from "../domain/roles.js";
import { compileFilterParameter, parseOptionList } from "../http/filter-query.js";
import { halCollection, hrefWithCursor, links } from "../http/hal.js";
import type { Principal } from "../http/hono-env.js";
import { decodeCursor, encodeCursor, parseLimit } from "../http/paging.js";
import { insufficientPermissions, notFound } from "../http/pingone-error.js";
import { environmentsFilterSchema } from "../scim/filter-schemas.js";
import type { EnvironmentRow } from "../store/environments.js";
import { findEnvironment } from "../store/environments.js";
import type { RouteModule } from "./route-module.js";

const ENVIRONMENT_COLUMNS: Readonly<Record<string, string>> = {
  name: "e.name",
  id: "e.id",
  "organization.id": "e.organization_id",
  "license.id": "e.license_id",
  status: "e.status",
};

/** pingone-api.md §2.4: default page 1000, at most 5000 (the spec's figures). */
const ENVIRONMENTS_PAGE = { fallback: 1000, max: 5000 };

/** Environment-level admins see their own environment; an Organization Admin sees the organisation's. */
function visibility(principal: Principal): { organizationWide: boolean } {
  if (principal.roles.has(Roles.organizationAdmin)) return { organizationWide: true };
  if (principal.roles.has(Roles.environmentAdmin) || principal.roles.has(Roles.identityDataAdmin)) {
    return { organizationWide: false };
  }
  throw insufficientPermissions();
}

/** A stable product id per environment (name-based, UUID-shaped), so repeated reads agree. */
function productId(environmentId: string): string {
  const hex = createHash("sha256").update(`${environmentId}:PING_ONE_BASE`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** `expand=billOfMaterials`: the emulator's environments carry PingOne SSO (the base product) only. */
function billOfMaterials(row: EnvironmentRow): Record<string, unknown> {
  return { products: [{ id: productId(row.id), type: "PING_ONE_BASE" }] };
}

export function toEnvironmentResource(
  c: Context,
  row: EnvironmentRow,
  options: { expandBillOfMaterials: boolean } = { expandBillOfMaterials: false },
): Record<string, unknown> {
  const base = `/environments/${row.id}`;
  const resource: Record<string, unknown> = {
    _links: links(c, {
      self: base,
      organization: `/organizations/${row.organization_id}`,
      license: `/organizations/${row.organization_id}/licenses/${row.license_id}`,
      populations: `${base}/populations`,
      users: `${base}/users`,
      applications: `${base}/applications`,
      activities: `${base}/activities`,
      branding: `${base}/branding`,
      features: `${base}/features`,
    }),
    id: row.id,
    name: row.name,
    type: row.type,
    region: row.region,
    status: row.status,
    license: { id: row.license_id },
    organization: { id: row.organization_id },
    createdAt: toIsoTimestamp(row.created_at),
    updatedAt: toIsoTimestamp(row.updated_at),
  };
  if (row.description !== null) resource.description = row.description;
  if (options.expandBillOfMaterials) resource.billOfMaterials = billOfMaterials(row);
  return resource;
}

/** `GET /v1/environments` (filter, limit, cursor) and `GET /v1/environments/{id}`. */
export const environmentRoutes: RouteModule = (app, ctx) => {
  app.get("/v1/environments", (c) => {
    const principal = c.get("principal");
    const { organizationWide } = visibility(principal);
    const expand = parseOptionList(c, "expand", ["billOfMaterials"] as const);
    const limit = parseLimit(c, ENVIRONMENTS_PAGE);
    const after = decodeCursor(c);
    const filter = compileFilterParameter(c, environmentsFilterSchema, {
      column: (attribute) => ({ sql: ENVIRONMENT_COLUMNS[attribute] ?? "NULL", params: [] }),
      valuePath: () => ({ sql: "0", params: [] }),
    });
    const scope = organizationWide
      ? { sql: "e.organization_id = ?", params: [principal.organizationId] }
      : { sql: "e.id = ?", params: [principal.environmentId] };
    const where = filter === undefined ? scope.sql : `${scope.sql} AND ${filter.sql}`;
    const params = filter === undefined ? scope.params : [...scope.params, ...filter.params];
    const count = ctx.db
      .prepare(`SELECT COUNT(*) FROM environments e WHERE ${where}`)
      .pluck()
      .get(...params) as number;
    const rows = ctx.db
      .prepare(
        `SELECT e.rowid AS position, e.* FROM environments e WHERE ${where} AND e.rowid > ? ORDER BY e.rowid LIMIT ?`,
      )
      .all(...params, after, limit + 1) as (EnvironmentRow & { position: number })[];
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const nextHref =
      rows.length > limit && last !== undefined
        ? hrefWithCursor(c, encodeCursor(c, last.position))
        : undefined;
    return c.json(
      halCollection(
        c,
        "environments",
        page.map((row) =>
          toEnvironmentResource(c, row, { expandBillOfMaterials: expand.has("billOfMaterials") }),
        ),
        { count, nextHref },
      ),
    );
  });

  app.get("/v1/environments/:envId", (c) => {
    const principal = c.get("principal");
    const { organizationWide } = visibility(principal);
    const expand = parseOptionList(c, "expand", ["billOfMaterials"] as const);
    const envId = c.req.param("envId");
    if (!organizationWide && envId !== principal.environmentId) throw insufficientPermissions();
    const row = findEnvironment(ctx.db, envId);
    if (row === undefined || row.organization_id !== principal.organizationId) throw notFound();
    return c.json(toEnvironmentResource(c, row, { expandBillOfMaterials: expand.has("billOfMaterials") }));
  });
};

import { createHash } from "node:crypto";
import type { Context } from "hono";
import { toIsoTimestamp } from "../clock.js";
import { links } from "../http/hal.js";
import type { EnvironmentRow } from "../store/environments.js";

/** A stable product id per environment (name-based, UUID-shaped), so repeated reads agree. */
function productId(environmentId: string): string {
  const hex = createHash("sha256").update(`${environmentId}:PING_ONE_BASE`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** `expand=billOfMaterials`: the emulator's environments carry PingOne SSO (the base product) only. */
function billOfMaterials(row: EnvironmentRow): Record<string, unknown> {
  return { products: [{ id: productId(row.id), type: "PING_ONE_BASE" }] };
}

/** An environment as `GET /v1/environments` returns it (docs/emulator.md#environments). */
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

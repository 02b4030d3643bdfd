import type { Context } from "hono";
import { toIsoTimestamp } from "../clock.js";
import { links } from "../http/hal.js";
import type { PopulationRow } from "../store/populations.js";

/** A population as PingOne returns it (docs/emulator.md#populations); `userCount` is read-only. */
export function toPopulationResource(
  c: Context,
  row: PopulationRow,
  userCount: number,
): Record<string, unknown> {
  const base = `/environments/${row.environment_id}/populations/${row.id}`;
  const resource: Record<string, unknown> = {
    _links: links(c, { self: base, environment: `/environments/${row.environment_id}` }),
    id: row.id,
    environment: { id: row.environment_id },
    name: row.name,
    default: row.is_default === 1,
    alternativeIdentifiers: JSON.parse(row.alternative_identifiers) as string[],
    userCount,
    createdAt: toIsoTimestamp(row.created_at),
    updatedAt: toIsoTimestamp(row.updated_at),
  };
  if (row.description !== null) resource.description = row.description;
  if (row.password_policy_id !== null) resource.passwordPolicy = { id: row.password_policy_id };
  if (row.theme_id !== null) resource.theme = { id: row.theme_id };
  if (row.preferred_language !== null) resource.preferredLanguage = row.preferred_language;
  return resource;
}

import type { Context } from "hono";
import { toIsoTimestamp } from "../clock.js";
import { links } from "../http/hal.js";
import type { GroupRecord } from "../store/groups.js";
import { type Body, environmentPath } from "./paths.js";

/** A group (docs/emulator.md#groups): member counts as asked, ISO timestamps. */
export function toGroupResource(
  c: Context,
  group: GroupRecord,
  counts: { directMembers: number; totalMembers?: number },
): Body {
  const relations: Record<string, string> = {
    self: `${environmentPath(group.environmentId)}/groups/${group.id}`,
    environment: environmentPath(group.environmentId),
  };
  if (group.populationId !== null) {
    relations.population = `${environmentPath(group.environmentId)}/populations/${group.populationId}`;
  }
  const body: Body = {
    _links: links(c, relations),
    id: group.id,
    environment: { id: group.environmentId },
    name: group.name,
    // For groups created in PingOne (not from a gateway or IdP) displayName is the name (community spec).
    displayName: group.name,
  };
  if (group.description !== null) body.description = group.description;
  if (group.populationId !== null) body.population = { id: group.populationId };
  if (group.userFilter !== null) body.userFilter = group.userFilter;
  if (group.externalId !== null) body.externalId = group.externalId;
  if (group.customData !== null) body.customData = group.customData;
  body.directMemberCounts = { users: counts.directMembers };
  if (counts.totalMembers !== undefined) body.totalMemberCounts = { users: counts.totalMembers };
  body.createdAt = toIsoTimestamp(group.createdAt);
  body.updatedAt = toIsoTimestamp(group.updatedAt);
  return body;
}

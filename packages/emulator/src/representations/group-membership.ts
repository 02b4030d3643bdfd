import type { Context } from "hono";
import { links } from "../http/hal.js";
import type { MembershipType } from "../store/group-memberships.js";
import type { GroupRecord } from "../store/groups.js";
import { type Body, environmentPath, userPath } from "./paths.js";

/** A user's membership in a group; `embeddedGroup` is the group body for `expand=group`. */
export function toUserMembershipResource(
  c: Context,
  userId: string,
  group: GroupRecord,
  type: MembershipType,
  embeddedGroup?: Body,
): Body {
  const user = userPath(group.environmentId, userId);
  const body: Body = {
    _links: links(c, {
      self: `${user}/memberOfGroups/${group.id}`,
      user,
      group: `${environmentPath(group.environmentId)}/groups/${group.id}`,
      environment: environmentPath(group.environmentId),
    }),
    id: group.id,
    environment: { id: group.environmentId },
    name: group.name,
    type,
  };
  if (embeddedGroup !== undefined) body._embedded = { group: embeddedGroup };
  return body;
}

/** A group's membership in another group: DIRECT when nested in it, INDIRECT through an ancestor. */
export function toGroupNestingResource(
  c: Context,
  groupId: string,
  parent: GroupRecord,
  type: MembershipType,
): Body {
  const groups = `${environmentPath(parent.environmentId)}/groups`;
  return {
    _links: links(c, {
      self: `${groups}/${groupId}/memberOfGroups/${parent.id}`,
      group: `${groups}/${parent.id}`,
      environment: environmentPath(parent.environmentId),
    }),
    id: parent.id,
    environment: { id: parent.environmentId },
    name: parent.name,
    type,
  };
}

import type { Context } from "hono";
import { toIsoTimestamp } from "../clock.js";
import { findRoleById } from "../domain/role-catalog.js";
import { links } from "../http/hal.js";
import type { MembershipType } from "../store/group-memberships.js";
import type { GroupRecord } from "../store/groups.js";
import type { IdentityProviderRecord } from "../store/identity-providers.js";
import type { LinkedAccountRecord } from "../store/linked-accounts.js";
import type { RoleAssignmentRecord } from "../store/role-assignments.js";
import type { SessionRecord } from "../store/sessions.js";

/**
 * The wire shapes of groups, memberships, identity providers, linked accounts, sessions, roles and role
 * assignments (pingone-api.md §10, §2.3): absolute `_links`, `{id}` references, ISO timestamps.
 */

type Body = Record<string, unknown>;

const environmentPath = (environmentId: string) => `/environments/${environmentId}`;
const userPath = (environmentId: string, userId: string) => `/environments/${environmentId}/users/${userId}`;

export function groupBody(
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

/** A user's membership in a group; `embeddedGroup` is the group body for `expand=group`. */
export function userMembershipBody(
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
export function groupNestingBody(
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

/** Secrets an administrator configured on a provider are write-only, like every other credential. */
export const WRITE_ONLY_PROVIDER_SETTINGS: ReadonlySet<string> = new Set([
  "clientSecret",
  "appSecret",
  "clientSecretSigningKey",
]);

export function identityProviderBody(c: Context, provider: IdentityProviderRecord): Body {
  const body: Body = {
    _links: links(c, {
      self: `${environmentPath(provider.environmentId)}/identityProviders/${provider.id}`,
      environment: environmentPath(provider.environmentId),
      attributes: `${environmentPath(provider.environmentId)}/identityProviders/${provider.id}/attributes`,
    }),
    id: provider.id,
    environment: { id: provider.environmentId },
    type: provider.type,
    name: provider.name,
    enabled: provider.enabled,
  };
  if (provider.description !== null) body.description = provider.description;
  if (provider.registrationPopulationId !== null) {
    body.registration = { population: { id: provider.registrationPopulationId } };
  }
  for (const [key, value] of Object.entries(provider.settings)) {
    if (!WRITE_ONLY_PROVIDER_SETTINGS.has(key)) body[key] = value;
  }
  body.createdAt = toIsoTimestamp(provider.createdAt);
  body.updatedAt = toIsoTimestamp(provider.updatedAt);
  return body;
}

export function linkedAccountBody(c: Context, link: LinkedAccountRecord, embeddedProvider?: Body): Body {
  const user = userPath(link.environmentId, link.userId);
  const body: Body = {
    _links: links(c, {
      self: `${user}/linkedAccounts/${link.id}`,
      environment: environmentPath(link.environmentId),
      user,
      identityProvider: `${environmentPath(link.environmentId)}/identityProviders/${link.identityProviderId}`,
    }),
    id: link.id,
    environment: { id: link.environmentId },
    user: { id: link.userId },
    identityProvider: { id: link.identityProviderId },
    externalId: link.externalId,
    createdAt: toIsoTimestamp(link.createdAt),
    updatedAt: toIsoTimestamp(link.updatedAt),
  };
  if (embeddedProvider !== undefined) body._embedded = { identityProvider: embeddedProvider };
  return body;
}

export function sessionBody(c: Context, session: SessionRecord): Body {
  const user = userPath(session.environmentId, session.userId);
  const lastSignOn: Body = { at: toIsoTimestamp(session.lastSignOnAt) };
  if (session.lastSignOnRemoteIp !== null) lastSignOn.remoteIp = session.lastSignOnRemoteIp;
  const body: Body = {
    _links: links(c, {
      self: `${user}/sessions/${session.id}`,
      environment: environmentPath(session.environmentId),
      user,
    }),
    id: session.id,
    environment: { id: session.environmentId },
    user: { id: session.userId },
    createdAt: toIsoTimestamp(session.createdAt),
    activeAt: toIsoTimestamp(session.activeAt),
    lastSignOn,
    locations: session.locations.map(({ at, ...where }) => ({ at: toIsoTimestamp(at), ...where })),
  };
  if (session.browser !== null) body.browser = session.browser;
  if (session.operatingSystem !== null) body.operatingSystem = session.operatingSystem;
  if (session.deviceType !== null) body.device = { type: session.deviceType };
  if (session.userAgent !== null) body.userAgent = session.userAgent;
  return body;
}

/** A role of the built-in catalog; roles are organisation-wide, so links stay under `/roles`. */
export function roleBody(c: Context, roleId: string): Body | undefined {
  const role = findRoleById(roleId);
  if (role === undefined) return undefined;
  return {
    _links: links(c, { self: `/roles/${role.id}` }),
    id: role.id,
    name: role.name,
    description: role.description,
    applicableTo: [...role.applicableTo],
  };
}

export function roleAssignmentBody(c: Context, assignment: RoleAssignmentRecord, embeddedRole?: Body): Body {
  const user = userPath(assignment.environmentId, assignment.userId);
  const body: Body = {
    _links: links(c, {
      self: `${user}/roleAssignments/${assignment.id}`,
      user,
      environment: environmentPath(assignment.environmentId),
      role: `/roles/${assignment.roleId}`,
    }),
    id: assignment.id,
    role: { id: assignment.roleId },
    scope: { id: assignment.scopeId, type: assignment.scopeType },
    environment: { id: assignment.environmentId },
    readOnly: assignment.readOnly,
    createdAt: toIsoTimestamp(assignment.createdAt),
  };
  if (embeddedRole !== undefined) body._embedded = { role: embeddedRole };
  return body;
}

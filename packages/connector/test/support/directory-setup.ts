import { randomUUID } from "node:crypto";
import type { PingOneClient } from "../../src/client/types.js";

/**
 * Directory setup through the PingOne API (not through the capabilities under test): groups,
 * memberships, populations and identity providers.
 */

function environmentPath(client: PingOneClient): string {
  return `/environments/${client.environmentId}`;
}

export function uniqueName(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export async function createGroupViaApi(
  client: PingOneClient,
  attributes: Record<string, unknown> = {},
): Promise<{ id: string; name: string } & Record<string, unknown>> {
  const response = await client.request<{ id: string; name: string }>({
    method: "POST",
    path: `${environmentPath(client)}/groups`,
    body: { name: uniqueName("group"), ...attributes },
  });
  return response.body;
}

export async function addMemberViaApi(client: PingOneClient, userId: string, groupId: string): Promise<void> {
  await client.request({
    method: "POST",
    path: `${environmentPath(client)}/users/${userId}/memberOfGroups`,
    body: { id: groupId },
  });
}

/** Makes `childId` a member of `parentId`, so the child's members are indirect members of the parent. */
export async function nestGroupViaApi(
  client: PingOneClient,
  childId: string,
  parentId: string,
): Promise<void> {
  await client.request({
    method: "POST",
    path: `${environmentPath(client)}/groups/${childId}/memberOfGroups`,
    body: { id: parentId },
  });
}

export async function createPopulationViaApi(
  client: PingOneClient,
  attributes: Record<string, unknown> = {},
): Promise<{ id: string; name: string } & Record<string, unknown>> {
  const response = await client.request<{ id: string; name: string }>({
    method: "POST",
    path: `${environmentPath(client)}/populations`,
    body: { name: uniqueName("population"), ...attributes },
  });
  return response.body;
}

export async function createIdentityProviderViaApi(client: PingOneClient): Promise<{ id: string }> {
  const response = await client.request<{ id: string }>({
    method: "POST",
    path: `${environmentPath(client)}/identityProviders`,
    body: {
      type: "GOOGLE",
      name: uniqueName("google"),
      enabled: true,
      clientId: "google-client-id",
      clientSecret: "google-client-secret",
    },
  });
  return response.body;
}

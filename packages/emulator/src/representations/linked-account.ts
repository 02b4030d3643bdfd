import type { Context } from "hono";
import { toIsoTimestamp } from "../clock.js";
import { links } from "../http/hal.js";
import type { LinkedAccountRecord } from "../store/linked-accounts.js";
import { type Body, environmentPath, userPath } from "./paths.js";

/** A user's account at an identity provider; `embeddedProvider` for `expand=identityProviders`. */
export function toLinkedAccountResource(
  c: Context,
  link: LinkedAccountRecord,
  embeddedProvider?: Body,
): Body {
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

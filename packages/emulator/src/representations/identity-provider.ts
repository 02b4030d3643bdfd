import type { Context } from "hono";
import { toIsoTimestamp } from "../clock.js";
import { links } from "../http/hal.js";
import type { IdentityProviderRecord } from "../store/identity-providers.js";
import { type Body, environmentPath } from "./paths.js";

/** Secrets an administrator configured on a provider are write-only, like every other credential. */
export const WRITE_ONLY_PROVIDER_SETTINGS: ReadonlySet<string> = new Set([
  "clientSecret",
  "appSecret",
  "clientSecretSigningKey",
]);

/** An identity provider: its type-specific settings as sent, never its secrets. */
export function toIdentityProviderResource(c: Context, provider: IdentityProviderRecord): Body {
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

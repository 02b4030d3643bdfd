import type { Context } from "hono";
import { links } from "../http/hal.js";
import type { UserRow } from "../store/users.js";
import { type Body, environmentPath, userPath } from "./paths.js";

/** `P/users/{id}/population`: the population's id and links. */
export function toUserPopulationResource(c: Context, user: UserRow): Body {
  const path = userPath(user.environment_id, user.id);
  return {
    _links: links(c, {
      self: `${path}/population`,
      user: path,
      population: `${environmentPath(user.environment_id)}/populations/${user.population_id}`,
    }),
    id: user.population_id,
  };
}

/** `P/users/{id}/enabled`. */
export function toUserEnabledResource(c: Context, user: UserRow): Body {
  const path = userPath(user.environment_id, user.id);
  return { _links: links(c, { self: `${path}/enabled`, user: path }), enabled: user.enabled === 1 };
}

/** `P/users/{id}/mfaEnabled`. */
export function toUserMfaEnabledResource(c: Context, user: UserRow): Body {
  const path = userPath(user.environment_id, user.id);
  return { _links: links(c, { self: `${path}/mfaEnabled`, user: path }), mfaEnabled: user.mfa_enabled === 1 };
}

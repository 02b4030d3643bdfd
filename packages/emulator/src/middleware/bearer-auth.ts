import type { MiddlewareHandler } from "hono";
import type { EmulatorContext } from "../context.js";
import { ErrorMessages } from "../domain/error-messages.js";
import { isRoleName, type RoleName } from "../domain/roles.js";
import type { EmulatorEnv, Principal } from "../http/hono-env.js";
import { insufficientPermissions, invalidToken } from "../http/pingone-error.js";
import { findTokenPrincipal } from "../store/tokens.js";

const BEARER = /^Bearer\s+(\S+)\s*$/i;
const ENVIRONMENT_SCOPED_PATH = /^\/v1\/environments\/([^/]+)\/./;

/**
 * Every `/v1` call needs a live bearer token (401 ACCESS_FAILED/INVALID_TOKEN otherwise). Under
 * `/v1/environments/{envId}/…` the token must belong to that environment (403 otherwise), so a token
 * of one environment can never read another.
 */
export function bearerAuth(ctx: EmulatorContext): MiddlewareHandler<EmulatorEnv> {
  return async (c, next) => {
    const match = BEARER.exec(c.req.header("authorization") ?? "");
    const token = match?.[1];
    if (token === undefined) throw invalidToken();
    const row = findTokenPrincipal(ctx.db, token, ctx.clock.now());
    if (row === undefined) throw invalidToken();
    const principal: Principal = { ...row, roles: new Set(row.roles.filter(isRoleName)) };
    const scopedEnvironment = ENVIRONMENT_SCOPED_PATH.exec(c.req.path)?.[1];
    if (scopedEnvironment !== undefined && scopedEnvironment !== principal.environmentId) {
      throw insufficientPermissions(ErrorMessages.wrongEnvironment);
    }
    c.set("principal", principal);
    await next();
  };
}

/** Throws 403 ACCESS_FAILED/INSUFFICIENT_PERMISSIONS unless the principal holds one of `anyOf`. */
export function assertRole(principal: Principal, ...anyOf: RoleName[]): void {
  if (!anyOf.some((role) => principal.roles.has(role))) throw insufficientPermissions();
}

/** Route-level guard: `app.get(path, requireRole(Roles.identityDataAdmin), handler)`. */
export function requireRole(...anyOf: RoleName[]): MiddlewareHandler<EmulatorEnv> {
  return async (c, next) => {
    assertRole(c.get("principal"), ...anyOf);
    await next();
  };
}

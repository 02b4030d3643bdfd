import { createHash, timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { serviceError } from "../service-error.js";

/**
 * Refuses a request without `Authorization: Bearer <key>` with 401 and a `WWW-Authenticate`
 * challenge (docs/connector-service.md#api-key).
 */
export function apiKeyAuth(expected: string): MiddlewareHandler {
  return async (c, next) => {
    if (!apiKeyMatches(bearerKey(c.req.header("authorization")), expected)) {
      c.header("WWW-Authenticate", 'Bearer realm="pingone-connector"');
      return c.json(
        serviceError("unauthorized", "Send Authorization: Bearer <PINGONE_CONNECTOR_API_KEY>"),
        401,
      );
    }
    await next();
  };
}

/**
 * Compares a presented API key with the expected one in constant time. Both sides are hashed
 * first, so neither the length nor a common prefix of the key shows in the timing.
 */
function apiKeyMatches(presented: string | undefined, expected: string): boolean {
  if (presented === undefined) return false;
  const a = createHash("sha256").update(presented).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

/** Reads `Authorization: Bearer <key>`. */
function bearerKey(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  return match?.[1];
}

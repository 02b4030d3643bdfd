import { hash, timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { serviceError } from "../service-error.js";

/**
 * Refuses a request without `Authorization: Bearer <key>` with 401 and a `WWW-Authenticate`
 * challenge (docs/connector-service.md#api-key).
 */
export function apiKeyAuth(expected: string): MiddlewareHandler {
  const expectedDigest = sha256(expected);
  // Not async: a plain function that returns next()'s promise costs one promise less per request.
  return (c, next) => {
    if (apiKeyMatches(bearerKey(c.req.header("authorization")), expectedDigest)) return next();
    c.header("WWW-Authenticate", 'Bearer realm="pingone-connector"');
    return Promise.resolve(
      c.json(serviceError("unauthorized", "Send Authorization: Bearer <PINGONE_CONNECTOR_API_KEY>"), 401),
    );
  };
}

/**
 * Compares a presented API key with the expected one in constant time. Both sides are hashed
 * (the expected one once, at start), so neither the length nor a common prefix of the key shows
 * in the timing.
 */
function apiKeyMatches(presented: string | undefined, expectedDigest: Buffer): boolean {
  if (presented === undefined) return false;
  return timingSafeEqual(sha256(presented), expectedDigest);
}

/** One-shot `crypto.hash`: no Hash object per request. */
function sha256(text: string): Buffer {
  return hash("sha256", text, "buffer");
}

/** Reads `Authorization: Bearer <key>`. */
function bearerKey(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  return match?.[1];
}

import { hash, timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import type { JsonReply } from "../reply.js";
import { sendReply, serviceError } from "../service-error.js";

/** Whether a request's `Authorization` header carries the service's API key. */
export type ApiKeyCheck = (authorization: string | undefined) => boolean;

/**
 * The check of `Authorization: Bearer <key>` against the expected key, in constant time. Both
 * sides are hashed (the expected one once, here), so neither the length nor a common prefix of
 * the key shows in the timing (docs/connector-service.md#api-key).
 */
export function apiKeyCheck(expected: string): ApiKeyCheck {
  const expectedDigest = sha256(expected);
  return (authorization) => {
    const presented = bearerKey(authorization);
    return presented !== undefined && timingSafeEqual(sha256(presented), expectedDigest);
  };
}

/** The answer to a request without the key: 401 with a `WWW-Authenticate` challenge. */
export const UNAUTHORIZED: JsonReply = {
  status: 401,
  body: serviceError("unauthorized", "Send Authorization: Bearer <PINGONE_CONNECTOR_API_KEY>"),
  headers: { "WWW-Authenticate": 'Bearer realm="pingone-connector"' },
};

/** `apiKeyCheck` as Hono middleware, for the routes other than the calls. */
export function apiKeyAuth(check: ApiKeyCheck): MiddlewareHandler {
  // Not async: a plain function that returns next()'s promise costs one promise less per request.
  return (c, next) => {
    if (check(c.req.header("authorization"))) return next();
    return Promise.resolve(sendReply(c, UNAUTHORIZED));
  };
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

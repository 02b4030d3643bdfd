import { timingSafeEqual } from "node:crypto";
import type { Context } from "hono";
import type { RequestStats } from "../admin/request-stats.js";
import type { EmulatorContext } from "../context.js";
import type { EmulatorApp } from "../http/hono-env.js";
import { readBodyText } from "../http/json-body.js";
import { mediaTypeEssence } from "../http/media-type.js";
import { PingOneError } from "../http/pingone-error.js";
import { findWorkerApplication, type TokenAuthMethod } from "../store/applications.js";
import { issueToken } from "../store/tokens.js";

/** OAuth 2.0 error texts of the token endpoint (pingone-api.md §1.4; texts unconfirmed). */
const OAuthErrors = {
  invalidClient: "Client authentication failed.",
  wrongMethod: "The client is not configured for this token endpoint authentication method.",
  bothMethods: "Only one client authentication method may be used.",
  noClientAuthentication: "Client authentication is required.",
  malformedBasic: "The Authorization header is not valid Basic credentials.",
  missingGrantType: "The grant_type parameter is required.",
  unsupportedGrantType: "Only the client_credentials grant type is supported.",
  invalidScope: "The requested scope is not granted to this application.",
  wrongContentType: "The request must be application/x-www-form-urlencoded.",
  bodyTooLarge: "The request body is too large.",
} as const;

function oauthError(c: Context, status: 400 | 401, error: string, description: string): Response {
  if (status === 401) c.header("WWW-Authenticate", 'Basic realm="PingOne"');
  c.header("Cache-Control", "no-store");
  return c.json({ error, error_description: description }, status);
}

interface ClientCredentials {
  clientId: string;
  clientSecret: string;
  method: TokenAuthMethod;
}

function decodeBasic(header: string): { clientId: string; clientSecret: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header);
  if (match?.[1] === undefined) return undefined;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return undefined;
  try {
    return {
      clientId: decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, " ")),
      clientSecret: decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, " ")),
    };
  } catch {
    return undefined;
  }
}

function secretsEqual(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * `POST /{envId}/as/token`: client credentials for worker applications, with client_secret_basic or
 * client_secret_post as each application is configured. Errors use the OAuth shape, not PingOne's.
 */
export function tokenRoutes(app: EmulatorApp, ctx: EmulatorContext, stats: RequestStats): void {
  app.post("/:envId/as/token", async (c) => {
    if (mediaTypeEssence(c.req.header("content-type")) !== "application/x-www-form-urlencoded") {
      return oauthError(c, 400, "invalid_request", OAuthErrors.wrongContentType);
    }
    let text: string;
    try {
      text = await readBodyText(c);
    } catch (error) {
      if (error instanceof PingOneError) {
        // The unread rest of the body makes the connection unusable for another request.
        c.header("Connection", "close");
        return oauthError(c, 400, "invalid_request", OAuthErrors.bodyTooLarge);
      }
      throw error;
    }
    const form = new URLSearchParams(text);
    const authorization = c.req.header("authorization");
    const postedId = form.get("client_id");
    const postedSecret = form.get("client_secret");

    let credentials: ClientCredentials;
    if (authorization !== undefined) {
      if (postedSecret !== null) return oauthError(c, 400, "invalid_request", OAuthErrors.bothMethods);
      const basic = decodeBasic(authorization);
      if (basic === undefined) return oauthError(c, 401, "invalid_client", OAuthErrors.malformedBasic);
      if (postedId !== null && postedId !== basic.clientId) {
        return oauthError(c, 400, "invalid_request", OAuthErrors.bothMethods);
      }
      credentials = { ...basic, method: "CLIENT_SECRET_BASIC" };
    } else if (postedId !== null && postedSecret !== null) {
      credentials = { clientId: postedId, clientSecret: postedSecret, method: "CLIENT_SECRET_POST" };
    } else {
      return oauthError(c, 400, "invalid_request", OAuthErrors.noClientAuthentication);
    }

    const grantType = form.get("grant_type");
    if (grantType === null || grantType === "") {
      return oauthError(c, 400, "invalid_request", OAuthErrors.missingGrantType);
    }

    const environmentId = c.req.param("envId");
    const application = findWorkerApplication(ctx.db, environmentId, credentials.clientId);
    if (application === undefined || !secretsEqual(application.clientSecret, credentials.clientSecret)) {
      return oauthError(c, 401, "invalid_client", OAuthErrors.invalidClient);
    }
    if (application.tokenAuthMethod !== credentials.method) {
      return oauthError(c, 401, "invalid_client", OAuthErrors.wrongMethod);
    }
    if (grantType !== "client_credentials") {
      return oauthError(c, 400, "unsupported_grant_type", OAuthErrors.unsupportedGrantType);
    }
    const scope = form.get("scope");
    if (scope !== null && scope.trim() !== "") {
      return oauthError(c, 400, "invalid_scope", OAuthErrors.invalidScope);
    }

    const lifetimeSeconds = ctx.settings.tokenLifetimeSeconds;
    const issued = issueToken(ctx.db, {
      environmentId,
      applicationId: application.id,
      issuer: `${new URL(c.req.url).origin}/${environmentId}/as`,
      now: ctx.clock.now(),
      lifetimeSeconds,
    });
    stats.recordTokenIssued();
    c.header("Cache-Control", "no-store");
    c.header("Pragma", "no-cache");
    return c.json({ access_token: issued.accessToken, token_type: "Bearer", expires_in: lifetimeSeconds });
  });
}

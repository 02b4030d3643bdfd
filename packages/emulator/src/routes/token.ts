import { timingSafeEqual } from "node:crypto";
import type { Context } from "hono";
import type { EmulatorContext } from "../context.js";
import type { RequestStats } from "../controls/request-stats.js";
import type { EmulatorApp } from "../http/hono-env.js";
import { readBodyText } from "../http/json-body.js";
import { mediaTypeEssence } from "../http/media-type.js";
import { PingOneError } from "../http/pingone-error.js";
import {
  findWorkerApplication,
  type TokenAuthMethod,
  type WorkerApplication,
} from "../store/applications.js";
import { issueToken } from "../store/tokens.js";

/** OAuth 2.0 error texts of the token endpoint (docs/emulator.md#token-endpoint; texts unconfirmed). */
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

/** A refused token request, answered with the OAuth error body. */
class OAuthRefusal {
  constructor(
    readonly status: 400 | 401,
    readonly error: string,
    readonly description: string,
  ) {}
}

/** The form body, or a refusal for a wrong media type or an oversized body. */
async function readTokenForm(c: Context): Promise<URLSearchParams | OAuthRefusal> {
  if (mediaTypeEssence(c.req.header("content-type")) !== "application/x-www-form-urlencoded") {
    return new OAuthRefusal(400, "invalid_request", OAuthErrors.wrongContentType);
  }
  try {
    return new URLSearchParams(await readBodyText(c));
  } catch (error) {
    if (!(error instanceof PingOneError)) throw error;
    // The unread rest of the body makes the connection unusable for another request.
    c.header("Connection", "close");
    return new OAuthRefusal(400, "invalid_request", OAuthErrors.bodyTooLarge);
  }
}

/** The client's credentials by exactly one method: Basic header or posted id and secret. */
function clientCredentials(
  authorization: string | undefined,
  form: URLSearchParams,
): ClientCredentials | OAuthRefusal {
  const postedId = form.get("client_id");
  const postedSecret = form.get("client_secret");
  if (authorization !== undefined) {
    if (postedSecret !== null) return new OAuthRefusal(400, "invalid_request", OAuthErrors.bothMethods);
    const basic = decodeBasic(authorization);
    if (basic === undefined) return new OAuthRefusal(401, "invalid_client", OAuthErrors.malformedBasic);
    if (postedId !== null && postedId !== basic.clientId) {
      return new OAuthRefusal(400, "invalid_request", OAuthErrors.bothMethods);
    }
    return { ...basic, method: "CLIENT_SECRET_BASIC" };
  }
  if (postedId !== null && postedSecret !== null) {
    return { clientId: postedId, clientSecret: postedSecret, method: "CLIENT_SECRET_POST" };
  }
  return new OAuthRefusal(400, "invalid_request", OAuthErrors.noClientAuthentication);
}

/** The application the credentials authenticate, or the OAuth refusal of the grant. */
function authenticatedApplication(
  ctx: EmulatorContext,
  environmentId: string,
  credentials: ClientCredentials,
  form: URLSearchParams,
): WorkerApplication | OAuthRefusal {
  const grantType = form.get("grant_type");
  if (grantType === null || grantType === "") {
    return new OAuthRefusal(400, "invalid_request", OAuthErrors.missingGrantType);
  }
  const application = findWorkerApplication(ctx.db, environmentId, credentials.clientId);
  if (application === undefined || !secretsEqual(application.clientSecret, credentials.clientSecret)) {
    return new OAuthRefusal(401, "invalid_client", OAuthErrors.invalidClient);
  }
  if (application.tokenAuthMethod !== credentials.method) {
    return new OAuthRefusal(401, "invalid_client", OAuthErrors.wrongMethod);
  }
  if (grantType !== "client_credentials") {
    return new OAuthRefusal(400, "unsupported_grant_type", OAuthErrors.unsupportedGrantType);
  }
  const scope = form.get("scope");
  if (scope !== null && scope.trim() !== "") {
    return new OAuthRefusal(400, "invalid_scope", OAuthErrors.invalidScope);
  }
  return application;
}

/**
 * `POST /{envId}/as/token`: client credentials for worker applications, with client_secret_basic or
 * client_secret_post as each application is configured. Errors use the OAuth shape, not PingOne's.
 */
export function tokenRoutes(app: EmulatorApp, ctx: EmulatorContext, stats: RequestStats): void {
  app.post("/:envId/as/token", async (c) => {
    const refused = (refusal: OAuthRefusal) =>
      oauthError(c, refusal.status, refusal.error, refusal.description);
    const form = await readTokenForm(c);
    if (form instanceof OAuthRefusal) return refused(form);
    const credentials = clientCredentials(c.req.header("authorization"), form);
    if (credentials instanceof OAuthRefusal) return refused(credentials);
    const environmentId = c.req.param("envId");
    const application = authenticatedApplication(ctx, environmentId, credentials, form);
    if (application instanceof OAuthRefusal) return refused(application);
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

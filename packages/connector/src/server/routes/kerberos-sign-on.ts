import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import Negotiator from "negotiator";
import type { CapabilityResult } from "../../capabilities/kit/result.js";
import { toDaVinciEnvelope } from "../../envelopes/davinci.js";
import { failureOutcome } from "../../facade/error-outcome.js";
import { secondsSince } from "../metrics.js";
import type { GuardedRouteOptions, ServiceApp, ServiceEnv } from "../service-env.js";
import { type KerberosPageView, renderKerberosPage } from "../sign-on/kerberos-page.js";
import { setPageHeaders } from "../sign-on/page-security.js";

/** The Negotiate sign-on route's path. */
export const KERBEROS_SIGN_ON_PATH = "/sign-on/kerberos";

export interface KerberosSignOnRouteOptions extends GuardedRouteOptions {
  /**
   * The kerberosAuthentication input every sign-on runs with (gatewayId, userTypeId, ...), set by
   * the operator: a browser chooses nothing but its ticket.
   */
  input: Readonly<Record<string, unknown>>;
  /** The password sign-on page, offered when Kerberos does not sign the person on (`/sign-on`, when served). */
  passwordSignOnPath?: string | undefined;
}

/**
 * `GET /sign-on/kerberos`: HTTP Negotiate (RFC 4559) in front of kerberosAuthentication. A
 * request without `Authorization: Negotiate <token>` gets 401 with `WWW-Authenticate: Negotiate`,
 * and a browser that holds a ticket retries with its SPNEGO token; the outcome is the DaVinci
 * result as JSON, or an HTML page for a browser (docs/connector-service.md#kerberos-sign-on).
 * Mounted before the API key check: the browser's Authorization header carries its token.
 */
export function kerberosSignOnRoute(app: ServiceApp, options: KerberosSignOnRouteOptions): void {
  app.get(KERBEROS_SIGN_ON_PATH, options.guard, (c) => signOn(c, options));
}

async function signOn(c: Context<ServiceEnv>, options: KerberosSignOnRouteOptions) {
  const { connector, metrics, input } = options;
  const authorization = c.req.header("authorization");
  const kerberosTicket = /^negotiate\s/i.test(authorization ?? "") ? authorization : undefined;
  const signal = c.get("signal");
  const started = performance.now();
  const result = await connector.invoke("kerberosAuthentication", { ...input, kerberosTicket }, { signal });
  metrics.recordCall(
    "capability",
    "kerberosAuthentication",
    secondsSince(started),
    result.ok ? undefined : result.code,
  );
  const status = result.ok ? 200 : failureOutcome(result, { aborted: signal.aborted }).httpStatus;
  const page = prefersHtml(c) ? renderKerberosPage(pageView(result, options.passwordSignOnPath)) : undefined;
  // The sign-on pages' headers (no-store, no framing or sniffing, no Referer, a CSP that allows
  // only the page's stylesheet); the answer depends on the ticket too.
  setPageHeaders(c, page?.policy);
  c.header("Vary", "Authorization, Accept");
  // Every 401 restates the challenge (RFC 9110 11.6.1); a browser whose token was just refused
  // does not try the same scheme again, so this cannot loop.
  if (status === 401) c.header("WWW-Authenticate", "Negotiate");
  if (page) return c.html(page.page, status as ContentfulStatusCode);
  return c.json(toDaVinciEnvelope(result), status as ContentfulStatusCode);
}

/** A browser asks for HTML first; an API client (curl, fetch) for anything or JSON. */
function prefersHtml(c: Context): boolean {
  const accept = c.req.header("accept");
  if (!accept) return false;
  return new Negotiator({ headers: { accept } }).mediaType(["application/json", "text/html"]) === "text/html";
}

function pageView(result: CapabilityResult, passwordSignOnPath: string | undefined): KerberosPageView {
  if (result.ok) {
    const user = (result.output.user ?? {}) as { id?: string; username?: string; email?: string };
    const principal = String(result.output.kerberosPrincipal ?? "");
    const facts: Array<[string, string]> = [];
    if (principal) facts.push(["Kerberos principal", principal]);
    if (user.username) facts.push(["Username", user.username]);
    if (user.email) facts.push(["Email", user.email]);
    if (user.id) facts.push(["PingOne user ID", user.id]);
    return {
      outcome: "signedOn",
      heading: "Signed on",
      message: result.output.userCreated
        ? "Your account was created in PingOne from the directory, and you are signed on."
        : "You are signed on with your Kerberos ticket.",
      facts,
    };
  }
  if (result.code === "kerberosTicketMissing") {
    return {
      passwordSignOnPath,
      outcome: "challenge",
      heading: "Kerberos sign-on",
      message:
        "This page signs you on with your Kerberos ticket, and your browser sent none. Sign on to your domain (kinit), and allow this site to use Kerberos (Chromium: --auth-server-allowlist).",
    };
  }
  return { outcome: "failed", heading: "Sign-on failed", message: result.message, passwordSignOnPath };
}

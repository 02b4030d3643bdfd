import type { Context } from "hono";
import type { SingleFactorSignOnView } from "../../capabilities/sign-on/single-factor-sign-on.js";
import { wantsJson } from "./negotiation.js";
import { setPageHeaders } from "./page-security.js";
import { renderResultPage } from "./result-page.js";
import { type SignOnOutcome, signSignOnOutcome } from "./sign-on-outcome.js";
import type { ResolvedSignOnSettings } from "./sign-on-settings.js";

/** The query parameter of the return URL that carries the signed outcome. */
export const OUTCOME_PARAMETER = "signOnOutcome";

/**
 * Answers a finished sign-on, whatever route did it (the password form here; a Negotiate route
 * would too): JSON `{ ...outcome, signedOutcome }` for an API client; for a browser, a 303 to the
 * return URL with the signed outcome, or a page that shows it (docs/connector-service.md#sign-on-outcome).
 */
export function respondWithOutcome(
  c: Context,
  outcome: SignOnOutcome,
  page: {
    settings: ResolvedSignOnSettings;
    theme: SingleFactorSignOnView["theme"];
    buttonLabel?: string | undefined;
  },
): Response {
  const { settings } = page;
  const audience = settings.returnUrl?.href ?? new URL(c.req.url).href;
  const token = signSignOnOutcome(settings.secret, outcome, audience, settings.now());
  if (wantsJson(c)) {
    setPageHeaders(c);
    return c.json({ ...outcome, signedOutcome: token });
  }
  if (settings.returnUrl) {
    setPageHeaders(c);
    const location = new URL(settings.returnUrl);
    location.searchParams.set(OUTCOME_PARAMETER, token);
    return c.redirect(location.href, 303);
  }
  const { page: html, policy } = renderResultPage(outcome, page.theme, page.buttonLabel);
  setPageHeaders(c, policy);
  return c.html(html);
}

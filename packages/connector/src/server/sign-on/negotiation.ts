import type { Context } from "hono";
import Negotiator from "negotiator";

/** Whether the client prefers JSON to HTML (`Accept: application/json`); a browser, and no Accept, get HTML. */
export function wantsJson(c: Context): boolean {
  const accept = c.req.header("accept");
  if (accept === undefined) return false;
  return (
    new Negotiator({ headers: { accept } }).mediaType(["text/html", "application/json"]) ===
    "application/json"
  );
}

/**
 * A request another site started (`Sec-Fetch-Site: cross-site` or `same-site`). Browsers send the
 * header on every request; its absence (an API client) is judged by the CSRF token alone.
 */
export function startedElsewhere(c: Context): boolean {
  const site = c.req.header("sec-fetch-site");
  return site === "cross-site" || site === "same-site";
}

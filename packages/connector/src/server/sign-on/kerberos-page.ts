import { html } from "../html.js";
import type { PagePolicy } from "./page-security.js";
import { renderShell } from "./page-shell.js";
import { DEFAULT_PAGE_THEME } from "./theme-style.js";

/** What the Kerberos sign-on page tells the person in front of the browser. */
export interface KerberosPageView {
  outcome: "signedOn" | "challenge" | "failed";
  heading: string;
  /** Plain text, escaped like every other text of the page. */
  message: string;
  /** Label → value rows: the principal, and the PingOne user's username, email and id. */
  facts?: ReadonlyArray<readonly [string, string]>;
  /** The password sign-on page, offered when Kerberos did not sign the person on. */
  passwordSignOnPath?: string | undefined;
}

/**
 * The page of a Kerberos sign-on outcome, or of the challenge a browser without a ticket sees, in
 * the sign-on pages' shell and PingOne's own look (the route reads no theme: a browser's first,
 * tokenless request must cost no PingOne call). No script; its stylesheet is allowed by a nonce.
 */
export function renderKerberosPage(view: KerberosPageView): { page: string; policy: PagePolicy } {
  const facts = view.facts?.length
    ? html`<dl>${view.facts.map(([label, value]) => html`<dt>${label}</dt><dd>${value}</dd>`)}</dl>`
    : "";
  const fallback =
    view.outcome !== "signedOn" && view.passwordSignOnPath
      ? html`<p><a href="${view.passwordSignOnPath}">Sign on with a username and password instead</a></p>`
      : "";
  const main = html`<h1>${view.heading}</h1>
<p role="${view.outcome === "signedOn" ? "status" : "alert"}">${view.message}</p>
${facts}
${fallback}`;
  return renderShell({ title: view.heading, theme: DEFAULT_PAGE_THEME, main }, []);
}

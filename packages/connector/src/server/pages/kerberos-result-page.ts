import { createHash } from "node:crypto";

/** What the Kerberos sign-on page tells the person in front of the browser. */
export interface KerberosPageView {
  outcome: "signedOn" | "failed" | "challenge";
  heading: string;
  /** Plain text; every character is escaped. */
  message: string;
  /** Label → value rows (the PingOne user's username, email, id). */
  facts?: ReadonlyArray<readonly [string, string]>;
}

const STYLE = `body{font-family:"Liberation Sans",Arial,sans-serif;background:#f4f5f7;color:#1f2328;margin:0}
main{max-width:28rem;margin:4rem auto;background:#fff;border-radius:8px;padding:2rem;box-shadow:0 1px 4px rgba(0,0,0,.15)}
h1{font-size:1.4rem;margin:0 0 1rem}
.signedOn h1{color:#1a7f37}.failed h1,.challenge h1{color:#b42318}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.4rem 1rem;margin:1rem 0 0}
dt{font-weight:bold}dd{margin:0;overflow-wrap:anywhere}`;

/** The page has no script and one inline style, allowed by its hash: nothing else may load. */
export const KERBEROS_PAGE_CSP = `default-src 'none'; style-src 'sha256-${createHash("sha256")
  .update(STYLE)
  .digest("base64")}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

/** The HTML page of a Kerberos sign-on outcome, or of the challenge a browser without a ticket sees. */
export function renderKerberosPage(view: KerberosPageView): string {
  const facts = view.facts?.length
    ? `<dl>${view.facts.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`).join("")}</dl>`
    : "";
  const role = view.outcome === "signedOn" ? "status" : "alert";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(view.heading)}</title><style>${STYLE}</style></head>
<body><main class="${view.outcome}"><h1>${escapeHtml(view.heading)}</h1>
<p role="${role}">${escapeHtml(view.message)}</p>${facts}</main></body></html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

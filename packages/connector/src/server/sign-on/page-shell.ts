import type { SingleFactorSignOnView } from "../../capabilities/sign-on/single-factor-sign-on.js";
import { html, SafeHtml } from "../html.js";
import { httpOrigin, type PagePolicy, styleNonce } from "./page-security.js";
import { imageUrl, themeStyle } from "./theme-style.js";

type Theme = SingleFactorSignOnView["theme"];

/** The layout every sign-on page shares; the theme only sets the custom properties it uses. */
const LAYOUT = `
*{box-sizing:border-box}
html{background:var(--background) var(--background-image) center/cover no-repeat fixed}
body{margin:0;min-height:100vh;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:1rem;padding:1.5rem;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Liberation Sans",sans-serif;color:var(--body-text)}
main{width:100%;max-width:26rem;background:var(--card);border-radius:8px;box-shadow:0 2px 12px rgba(0,0,0,.14);padding:2rem}
.logo{display:block;max-width:12rem;max-height:4rem;margin:0 auto 1.25rem}
h1{margin:0 0 1.25rem;font-size:1.5rem;font-weight:600;text-align:center;color:var(--heading)}
.row{display:flex;gap:.75rem}.row>*{flex:1}
.field{margin:0 0 1rem}
label{display:block;margin:0 0 .25rem;font-weight:600}
.mark{color:#b3282d;margin-left:.15rem}
input{width:100%;padding:.6rem .7rem;font:inherit;color:#1d1d1f;background:#fff;border:1px solid #8c939b;border-radius:4px}
input:focus-visible,button:focus-visible,a:focus-visible{outline:3px solid var(--link);outline-offset:2px}
input[aria-invalid=true]{border-color:#b3282d}
.field-error{margin:.25rem 0 0;color:#b3282d;font-size:.9rem}
.alert{margin:0 0 1rem;padding:.6rem .8rem;border-left:4px solid #b3282d;background:#fdecec;color:#5c1114;border-radius:4px}
.actions{display:flex;flex-direction:column;gap:.5rem;margin:0 0 1rem}
button{font:inherit;cursor:pointer;border-radius:4px}
.primary,.secondary{width:100%;padding:.65rem;border:1px solid var(--button);background:var(--button);color:var(--button-text);font-weight:600}
.secondary{background:transparent;color:var(--button)}
.link{padding:0;border:0;background:none;color:var(--link);text-decoration:underline}
a{color:var(--link)}
hr{border:0;border-top:1px solid #d5d8dc;margin:1rem 0}
.text p{margin:0 0 .5rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0 0 1rem}
dt{font-weight:600}dd{margin:0;overflow-wrap:break-word}
footer{max-width:26rem;text-align:center;font-size:.85rem;color:var(--body-text)}
`;

/**
 * A `<style>` element's content is raw text (entities are not decoded), so it is inserted as is:
 * `themeStyle` lets through only hex colours and an escaped URL, and nothing here holds `<`.
 */
function stylesheet(theme: Theme): SafeHtml {
  return new SafeHtml(themeStyle(theme) + LAYOUT);
}

/** The page's `<head>` title, main content and the theme it is shown with. */
export interface ShellContent {
  title: string;
  theme: Theme;
  main: SafeHtml;
}

/**
 * A complete sign-on page: `lang`, a viewport, one stylesheet allowed by its nonce, the theme's
 * logo (its name as the alternative text) and footer. Returns the page and the CSP it needs.
 */
export function renderShell(
  content: ShellContent,
  formTargets: readonly string[],
): { page: string; policy: PagePolicy } {
  const { theme } = content;
  const nonce = styleNonce();
  const logo = imageUrl(theme.logo?.href);
  const background = theme.background.type === "IMAGE" ? imageUrl(theme.background.imageHref) : undefined;
  const imageOrigins = [logo, background].map(httpOrigin).filter((origin) => origin !== undefined);
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${content.title}</title>
<style nonce="${nonce}">${stylesheet(theme)}</style>
</head>
<body>
<main>
${logo === undefined ? "" : html`<img class="logo" src="${logo}" alt="${theme.name ?? ""}">`}
${content.main}
</main>
${theme.footer === undefined || theme.footer === "" ? "" : html`<footer>${theme.footer}</footer>`}
</body>
</html>
`;
  return { page: page.value, policy: { nonce, imageOrigins, formTargets } };
}

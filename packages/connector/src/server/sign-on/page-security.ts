import { randomBytes } from "node:crypto";
import type { Context } from "hono";

/** A fresh CSP nonce for one page's stylesheet. */
export function styleNonce(): string {
  return randomBytes(18).toString("base64");
}

/** What a page may load besides itself: its stylesheet's nonce, image origins, and where its form may go. */
export interface PagePolicy {
  nonce: string;
  /** Origins of the theme's logo and background image. */
  imageOrigins: readonly string[];
  /** Origins a form submission may end up at besides this one (the return URL's, after a redirect). */
  formTargets: readonly string[];
}

/**
 * The Content-Security-Policy of a sign-on page (docs/connector-service.md#sign-on-page): nothing
 * but its one nonce'd stylesheet and the theme's images; no script at all; its form posts only
 * here (and redirects only to the return URL); it cannot be framed. Without a page (JSON, a
 * redirect), nothing at all.
 */
export function contentSecurityPolicy(policy?: PagePolicy): string {
  if (!policy) return "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
  const images = policy.imageOrigins.length > 0 ? [...new Set(policy.imageOrigins)].join(" ") : "'none'";
  return [
    "default-src 'none'",
    `style-src 'nonce-${policy.nonce}'`,
    `img-src ${images}`,
    `form-action 'self'${policy.formTargets.map((origin) => ` ${origin}`).join("")}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join("; ");
}

/**
 * Headers every sign-on response carries: never stored (it holds a CSRF token, or who signed on),
 * never framed, never sniffed, and no Referer leaves it (a return URL's outcome must not).
 */
export function setPageHeaders(c: Context, policy?: PagePolicy): void {
  c.header("Cache-Control", "no-store");
  c.header("Content-Security-Policy", contentSecurityPolicy(policy));
  c.header("X-Content-Type-Options", "nosniff");
  c.header("X-Frame-Options", "DENY");
  c.header("Referrer-Policy", "no-referrer");
  c.header("Cross-Origin-Opener-Policy", "same-origin");
  c.header("Cross-Origin-Resource-Policy", "same-origin");
  c.header("Vary", "Accept, Cookie");
}

/** The origin of an http(s) URL, or undefined for anything else (`javascript:`, `data:`, a relative path). */
export function httpOrigin(href: string | undefined): string | undefined {
  if (href === undefined) return undefined;
  try {
    const url = new URL(href);
    return url.protocol === "https:" || url.protocol === "http:" ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

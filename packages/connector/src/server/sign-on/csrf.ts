import { randomBytes } from "node:crypto";
import { mac, macMatches } from "./hmac.js";

/** The cookie a sign-on form's token is bound to. */
export const CSRF_COOKIE = "pingone_sign_on";

/** How long a form can be submitted after it was shown. */
export const CSRF_TTL_SECONDS = 30 * 60;

const BINDING = /^[A-Za-z0-9_-]{43}$/;

/** A fresh random cookie value (32 bytes), or the browser's own when it already has a good one. */
export function csrfBinding(cookie: string | undefined): string {
  return cookie !== undefined && BINDING.test(cookie) ? cookie : randomBytes(32).toString("base64url");
}

/**
 * A form's CSRF token: `<expiry>.<buttons>.<mac>`, the MAC over the cookie's value, the expiry and
 * the buttons the form showed. A page of another site can neither read the cookie nor make the
 * token, and the buttons are the only `buttonValue`s the submission may carry
 * (docs/connector-service.md#sign-on-page).
 */
export function issueCsrfToken(
  key: string,
  binding: string,
  buttons: readonly string[],
  nowMs: number,
): string {
  const expiry = Math.floor(nowMs / 1000) + CSRF_TTL_SECONDS;
  const encoded = Buffer.from(JSON.stringify(buttons)).toString("base64url");
  const body = `${expiry}.${encoded}`;
  return `${body}.${mac(key, "csrf", `${binding}.${body}`)}`;
}

/** The form's buttons when the token is good for this cookie and not expired; why not otherwise. */
export function verifyCsrfToken(
  key: string,
  binding: string | undefined,
  token: string | null,
  nowMs: number,
): { ok: true; buttons: string[] } | { ok: false; reason: "missing" | "invalid" | "expired" } {
  if (binding === undefined || !BINDING.test(binding) || token === null || token === "") {
    return { ok: false, reason: "missing" };
  }
  const parts = token.split(".");
  if (parts.length !== 3) return { ok: false, reason: "invalid" };
  const [expiry, encoded, presented] = parts as [string, string, string];
  if (!macMatches(key, "csrf", `${binding}.${expiry}.${encoded}`, presented))
    return { ok: false, reason: "invalid" };
  if (Number(expiry) * 1000 <= nowMs) return { ok: false, reason: "expired" };
  const buttons = JSON.parse(Buffer.from(encoded, "base64url").toString("utf8")) as string[];
  return { ok: true, buttons };
}

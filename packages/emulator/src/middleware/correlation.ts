import type { MiddlewareHandler } from "hono";
import type { EmulatorEnv } from "../http/hono-env.js";

const MAX_EXTERNAL_ID_LENGTH = 100;
// Unicode letters, combining marks, digits and . _ - / @ = # + (docs/emulator.md#headers).
const DISALLOWED_EXTERNAL_ID_CHARACTER = /[^\p{L}\p{M}\p{N}._\-/@=#+]/gu;

/** Applies PingOne's sanitising: other characters become `_`, at most 100 characters are kept. */
export function sanitizeExternalId(value: string): string {
  return Array.from(value.replace(DISALLOWED_EXTERNAL_ID_CHARACTER, "_"))
    .slice(0, MAX_EXTERNAL_ID_LENGTH)
    .join("");
}

const ECHOED_HEADERS = ["X-Ping-External-Transaction-Id", "X-Ping-External-Session-Id"] as const;

/**
 * A fresh UUID `Correlation-Id` on every response, and the two external ids echoed back
 * (sanitised, generated when absent), as recommended in docs/emulator.md#headers.
 */
export function correlationHeaders(): MiddlewareHandler<EmulatorEnv> {
  return async (c, next) => {
    const echoed = ECHOED_HEADERS.map((name) => {
      const sent = c.req.header(name);
      const value = sent === undefined || sent === "" ? crypto.randomUUID() : sanitizeExternalId(sent);
      return [name, value] as const;
    });
    await next();
    c.res.headers.set("Correlation-Id", crypto.randomUUID());
    for (const [name, value] of echoed) c.res.headers.set(name, value);
    if (!c.res.headers.has("Cache-Control")) {
      c.res.headers.set("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
    }
    c.res.headers.set("X-Content-Type-Options", "nosniff");
  };
}

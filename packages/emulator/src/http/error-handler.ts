import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ErrorMessages } from "./error-messages.js";
import { PingOneError } from "./pingone-error.js";

/** Renders a PingOneError as PingOne's error body with its status and headers. */
export function renderPingOneError(c: Context, error: PingOneError): Response {
  for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
  return c.json(error.toBody(), error.status as ContentfulStatusCode);
}

/**
 * The app's onError: PingOne errors render as themselves; anything else is an emulator bug and
 * becomes 500 UNEXPECTED_ERROR (logged with its stack, never with request bodies or headers).
 */
export function handleError(error: Error, c: Context): Response {
  if (error instanceof PingOneError) return renderPingOneError(c, error);
  console.error(`pingone-emulator: unexpected error on ${c.req.method} ${c.req.path}:`, error);
  return renderPingOneError(c, new PingOneError(500, "UNEXPECTED_ERROR", ErrorMessages.unexpected));
}

import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { serviceError } from "../service-error.js";

/** The default largest request body, far above any capability input. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/**
 * Refuses a body over `maxBytes` with 413 `payloadTooLarge`, before any of it is parsed
 * (docs/connector-service.md#body-limit).
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    // The unread rest of the body makes the connection unusable for a next request: close it.
    onError: (c) =>
      c.json(serviceError("payloadTooLarge", `The request body exceeds ${maxBytes} bytes`), 413, {
        Connection: "close",
      }),
  });
}

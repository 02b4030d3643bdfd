import type { JsonReply } from "../reply.js";
import type { BodyFailure } from "../request-scope.js";
import { serviceError } from "../service-error.js";

/** The default largest request body, far above any capability input. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/**
 * The deepest nesting of objects and arrays a body may have. PingOne-sized inputs need fewer
 * than ten levels; the bound keeps every recursive step after parsing (validation, copies,
 * redaction) far from the stack's limit (docs/connector-service.md#body-limit).
 */
export const MAX_JSON_DEPTH = 64;

export type JsonBody = { ok: true; value: unknown } | { ok: false; reply: JsonReply };

/**
 * A call's body that did not arrive: 413 `payloadTooLarge` over the limit, 408 `requestTimeout`
 * when still arriving at the request's deadline (docs/connector-service.md#body-limit,
 * #request-timeout). The unread rest of the body makes the connection unusable for a next
 * request: the reply closes it.
 */
export function bodyRefusal(failure: BodyFailure, maxBytes: number): JsonReply {
  const headers = { connection: "close" };
  switch (failure) {
    case "tooLarge":
      return {
        status: 413,
        body: serviceError("payloadTooLarge", `The request body exceeds ${maxBytes} bytes`),
        headers,
      };
    case "timeout":
      return {
        status: 408,
        body: serviceError("requestTimeout", "The request body did not arrive within the request timeout"),
        headers,
      };
    case "disconnected":
      // Nobody reads this answer; it only gives the access log a status.
      return {
        status: 400,
        body: serviceError("clientClosedRequest", "The client closed the connection during the body"),
        headers,
      };
  }
}

/** A call's body as JSON; an empty body is `{}`. */
export function parseJsonBody(text: string): JsonBody {
  let value: unknown;
  try {
    value = text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    // The parser's message quotes the body, which may hold a password: say only what is wrong.
    return invalidJson("The request body is not valid JSON");
  }
  if (openings(text) > MAX_JSON_DEPTH && depthExceeds(value, MAX_JSON_DEPTH)) {
    return invalidJson(`The request body nests objects or arrays deeper than ${MAX_JSON_DEPTH} levels`);
  }
  return { ok: true, value };
}

function invalidJson(message: string): JsonBody {
  return { ok: false, reply: { status: 400, body: serviceError("invalidJson", message) } };
}

/**
 * How many `{` and `[` the text holds, strings included: a bound on its depth that costs no
 * allocation, so the walk below runs only for bodies that could nest too deep.
 */
function openings(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x7b || code === 0x5b) count++;
  }
  return count;
}

/** Whether `value` nests deeper than `limit`, found without recursion (the input may be hostile). */
function depthExceeds(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [item, depth] = next;
    if (item === null || typeof item !== "object") continue;
    if (depth + 1 > limit) return true;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return false;
}

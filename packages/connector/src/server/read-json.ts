import type { Context } from "hono";
import type { ServiceEnv } from "./service-env.js";
import { serviceError } from "./service-error.js";

/**
 * The deepest nesting of objects and arrays a body may have. PingOne-sized inputs need fewer
 * than ten levels; the bound keeps every recursive step after parsing (validation, copies,
 * redaction) far from the stack's limit (docs/connector-service.md#body-limit).
 */
export const MAX_JSON_DEPTH = 64;

export type JsonBody = { ok: true; value: unknown } | { ok: false; error: ReturnType<typeof serviceError> };

/** The request body (read by `limitBody`) as JSON; an empty body is `{}`. */
export async function readJson(c: Context<ServiceEnv>): Promise<JsonBody> {
  const text = c.get("body") ?? "";
  let value: unknown;
  try {
    value = text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    // The parser's message quotes the body, which may hold a password: say only what is wrong.
    return { ok: false, error: serviceError("invalidJson", "The request body is not valid JSON") };
  }
  if (openings(text) > MAX_JSON_DEPTH && depthExceeds(value, MAX_JSON_DEPTH)) {
    return {
      ok: false,
      error: serviceError(
        "invalidJson",
        `The request body nests objects or arrays deeper than ${MAX_JSON_DEPTH} levels`,
      ),
    };
  }
  return { ok: true, value };
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

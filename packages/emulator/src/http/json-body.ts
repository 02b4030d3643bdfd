import type { Context } from "hono";
import { ErrorMessages } from "../domain/error-messages.js";
import type { JsonObject } from "../domain/validation.js";
import { invalidRequest, PingOneError } from "./pingone-error.js";

/** PingOne rejects request bodies over 1 MB. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The rest of an oversized body is never read, so the connection cannot carry another request:
 * `Connection: close` tells the client not to reuse it.
 */
function bodyTooLarge() {
  return new PingOneError(
    400,
    "INVALID_REQUEST",
    ErrorMessages.bodyTooLarge,
    [
      {
        code: "SIZE_LIMIT_EXCEEDED",
        message: ErrorMessages.bodyTooLarge,
        innerError: { maximumValue: MAX_BODY_BYTES },
      },
    ],
    { Connection: "close" },
  );
}

/**
 * Reads the raw body as UTF-8, refusing more than MAX_BODY_BYTES without buffering beyond the limit
 * (a declared Content-Length over the limit is refused before reading anything).
 */
export async function readBodyText(c: Context): Promise<string> {
  const declared = c.req.header("content-length");
  if (declared !== undefined && Number(declared) > MAX_BODY_BYTES) throw bodyTooLarge();
  const stream = c.req.raw.body;
  if (stream === null) return "";
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_BODY_BYTES) {
      await reader.cancel();
      throw bodyTooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Reads a JSON object body; malformed JSON or a non-object gives 400 INVALID_REQUEST. */
export async function readJsonObject(c: Context): Promise<JsonObject> {
  const value = await readOptionalJsonObject(c);
  if (value === undefined) throw invalidRequest(ErrorMessages.bodyNotObject);
  return value;
}

/** Like readJsonObject, but an empty body is allowed and gives undefined (actions with optional bodies). */
export async function readOptionalJsonObject(c: Context): Promise<JsonObject | undefined> {
  const text = await readBodyText(c);
  if (text.trim() === "") return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalidRequest(ErrorMessages.malformedJson);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw invalidRequest(ErrorMessages.bodyNotObject);
  }
  return parsed as JsonObject;
}

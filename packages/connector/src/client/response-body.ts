import { promisify } from "node:util";
import { brotliDecompress, constants, gunzip, inflate, inflateRaw } from "node:zlib";

type Decoder = (input: Buffer, options: object) => Promise<Buffer>;

const GUNZIP: Decoder = promisify(gunzip);
const INFLATE: Decoder = promisify(inflate);
const INFLATE_RAW: Decoder = promisify(inflateRaw);
const BROTLI: Decoder = promisify(brotliDecompress);

/** The `Accept-Encoding` the client sends (what fetch sent before it); {@link decodeBody} undoes each. */
export const ACCEPT_ENCODING = "gzip, deflate, br";

/**
 * The body's bytes as text, with its `Content-Encoding` undone. A `limit` marks an error body cut
 * short: the decoder then tolerates a truncated stream and stops at `limit` bytes of output.
 */
export async function decodeBody(
  bytes: Buffer,
  contentEncoding: string | undefined,
  limit?: number,
): Promise<string> {
  let decoded = bytes;
  const codings = contentEncoding?.toLowerCase().split(",") ?? [];
  try {
    // Codings are listed in the order they were applied, so they are undone from the last.
    for (let i = codings.length - 1; i >= 0; i--) {
      const coding = codings[i]!.trim();
      const options = limit === undefined ? {} : boundedOptions(coding, limit);
      if (coding === "gzip" || coding === "x-gzip") decoded = await GUNZIP(decoded, options);
      // "deflate" is meant to be zlib-wrapped, but some servers send it raw.
      else if (coding === "deflate")
        decoded = await ((decoded[0]! & 0x0f) === 0x08 ? INFLATE : INFLATE_RAW)(decoded, options);
      else if (coding === "br") decoded = await BROTLI(decoded, options);
    }
  } catch {
    // An undecodable error body is no reason to lose the error: its status still speaks.
    if (limit !== undefined) return "";
    throw new Error(`the response body could not be decoded (Content-Encoding: ${contentEncoding})`);
  }
  return utf8(decoded);
}

function boundedOptions(coding: string, limit: number): object {
  const finishFlush = coding === "br" ? constants.BROTLI_OPERATION_FLUSH : constants.Z_SYNC_FLUSH;
  return { finishFlush, maxOutputLength: limit };
}

/** UTF-8 text without a byte order mark, as `Response.text()` reads it. */
export function utf8(bytes: Buffer): string {
  const text = bytes.toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Parses a response body as JSON when it looks like JSON; an empty body is `undefined`. */
export function parseBody(text: string, contentType: string | undefined): unknown {
  if (text.length === 0) return undefined;
  const looksJson = contentType === undefined || /json/i.test(contentType) || /^\s*[[{]/.test(text);
  if (!looksJson) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

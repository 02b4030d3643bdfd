import { createHash } from "node:crypto";
import type { Context } from "hono";
import { ErrorMessages } from "../domain/error-messages.js";
import { invalidData } from "../domain/errors.js";
import { halCollection, hrefWithCursor } from "./hal.js";
import { invalidRequest } from "./pingone-error.js";

/**
 * The query a cursor belongs to: path plus every query parameter except `cursor`, in a canonical
 * order. A cursor replayed on another collection, filter or limit is refused.
 */
function queryBinding(c: Context): string {
  const url = new URL(c.req.url);
  const params = [...url.searchParams.entries()]
    .filter(([name]) => name !== "cursor")
    .sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a.localeCompare(b)));
  return createHash("sha256")
    .update(`${url.pathname}?${new URLSearchParams(params).toString()}`)
    .digest("base64url")
    .slice(0, 16);
}

/** An opaque, URL-safe cursor: the position after the last item served, bound to its query. */
export function encodeCursor(c: Context, position: number): string {
  return Buffer.from(JSON.stringify({ q: queryBinding(c), after: position })).toString("base64url");
}

/** The position a request's `cursor` resumes after (0 = from the start); a bad cursor is a 400. */
export function decodeCursor(c: Context): number {
  const cursor = c.req.query("cursor");
  if (cursor === undefined) return 0;
  const invalid = () =>
    invalidRequest(ErrorMessages.invalidCursor, [
      { code: "INVALID_PARAMETER", target: "cursor", message: ErrorMessages.invalidCursor },
    ]);
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalid();
  }
  if (typeof decoded !== "object" || decoded === null) throw invalid();
  const { q, after } = decoded as { q?: unknown; after?: unknown };
  if (q !== queryBinding(c) || typeof after !== "number" || !Number.isSafeInteger(after) || after < 0) {
    throw invalid();
  }
  return after;
}

/**
 * The `limit` query parameter: absent → `fallback`; otherwise an integer within 1…max, else 400
 * INVALID_DATA/INVALID_PARAMETER.
 */
export function parseLimit(c: Context, bounds: { max: number; fallback: number }): number {
  const raw = c.req.query("limit");
  if (raw === undefined) return bounds.fallback;
  const value = /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(value) || value < 1 || value > bounds.max) {
    throw invalidData([
      {
        code: "INVALID_PARAMETER",
        target: "limit",
        message: ErrorMessages.invalidLimit,
        innerError: { rangeMinimumValue: 1, rangeMaximumValue: bounds.max },
      },
    ]);
  }
  return value;
}

/**
 * A HAL collection page: `next` (when more items remain) is the position the next page resumes after,
 * a keyset key or an offset, carried in a cursor bound to this query.
 */
export function collectionPage<T>(
  c: Context,
  key: string,
  items: readonly T[],
  page: { count: number; next: number | undefined },
): Record<string, unknown> {
  const nextHref = page.next === undefined ? undefined : hrefWithCursor(c, encodeCursor(c, page.next));
  return halCollection(c, key, items, { count: page.count, nextHref });
}

/** The position after a keyset page, when another page follows. */
export function nextAfterKeyset(page: { hasMore: boolean; lastKey: number | undefined }): number | undefined {
  return page.hasMore ? page.lastKey : undefined;
}

/** The position after an offset page, when another page follows. */
export function nextAfterOffset(offset: number, served: number, count: number): number | undefined {
  return offset + served < count ? offset + served : undefined;
}

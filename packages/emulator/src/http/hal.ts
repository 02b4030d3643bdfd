import type { Context } from "hono";

/** A HAL link object. */
export interface HalLink {
  href: string;
}

export type HalLinks = Record<string, HalLink>;

/**
 * The emulator's own origin as the client addressed it (scheme, host and port of the request),
 * so hrefs stay absolute and followable whether the emulator runs on 127.0.0.1:0 or behind a name.
 */
export function requestOrigin(c: Context): string {
  let origin = origins.get(c.req.raw);
  if (origin === undefined) {
    origin = new URL(c.req.url).origin;
    origins.set(c.req.raw, origin);
  }
  return origin;
}

// A 200-user page builds thousands of hrefs; parse the request URL once per request.
const origins = new WeakMap<Request, string>();

/** `{ rel: { href } }` for each `[rel, pathBelowV1]` pair. */
export function links(c: Context, relations: Record<string, string>): HalLinks {
  const base = `${requestOrigin(c)}/v1`;
  const result: HalLinks = {};
  for (const [rel, path] of Object.entries(relations)) result[rel] = { href: `${base}${path}` };
  return result;
}

/** A HAL collection: `_links.self`, optional `_links.next`, `_embedded.<key>`, `count` and `size`. */
export function halCollection<T>(
  c: Context,
  key: string,
  items: readonly T[],
  options: { count?: number; nextHref?: string } = {},
): Record<string, unknown> {
  const collectionLinks: HalLinks = { self: { href: c.req.url } };
  if (options.nextHref !== undefined) collectionLinks.next = { href: options.nextHref };
  const body: Record<string, unknown> = { _links: collectionLinks, _embedded: { [key]: items } };
  if (options.count !== undefined) body.count = options.count;
  body.size = items.length;
  return body;
}

/** The current URL with `cursor` (and nothing else) replaced, for `_links.next`. */
export function hrefWithCursor(c: Context, cursor: string): string {
  const url = new URL(c.req.url);
  url.searchParams.set("cursor", cursor);
  return url.toString();
}

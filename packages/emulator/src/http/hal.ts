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

/** Absolute API href for a path below `/v1`, e.g. `apiHref(c, "/environments/x/users")`. */
export function apiHref(c: Context, pathBelowV1: string): string {
  return `${requestOrigin(c)}/v1${pathBelowV1}`;
}

/** `{ rel: { href } }` for each `[rel, pathBelowV1]` pair. */
export function links(c: Context, relations: Record<string, string>): HalLinks {
  const base = `${requestOrigin(c)}/v1`;
  const result: HalLinks = {};
  for (const [rel, path] of Object.entries(relations)) result[rel] = { href: `${base}${path}` };
  return result;
}

/** The href of the current request, query included, for a collection's `self`. */
export function selfHref(c: Context): string {
  return c.req.url;
}

/** A HAL collection: `_links.self`, optional `_links.next`, `_embedded.<key>`, `count` and `size`. */
export function halCollection<T>(
  c: Context,
  key: string,
  items: readonly T[],
  options: { count?: number; nextHref?: string } = {},
): Record<string, unknown> {
  const collectionLinks: HalLinks = { self: { href: selfHref(c) } };
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

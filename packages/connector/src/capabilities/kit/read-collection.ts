import type { ApiResponse, QueryValue } from "../../client/types.js";
import type { CapabilityContext } from "./context.js";

interface HalPage {
  _embedded?: Record<string, unknown>;
  _links?: { next?: { href?: unknown } };
  count?: unknown;
}

/** The items of a HAL collection read page by page, with the first page's response. */
export interface CollectionRead<T> {
  items: T[];
  /** The first page: a capability's `statusCode`, `headers` and collection fields come from it. */
  response: ApiResponse<HalPage | undefined>;
  /** True when PingOne has more items than `maxItems` allowed to collect. */
  truncated: boolean;
}

/**
 * Reads a collection, following `_links.next` verbatim (cursors are opaque) until it ends or
 * `maxItems` were collected. Unlike `client.paginate`, it keeps the first response, which the
 * DaVinci output reports.
 */
export async function readCollection<T>(
  ctx: CapabilityContext,
  path: string,
  options: { embedded: string; query?: Record<string, QueryValue>; maxItems?: number },
): Promise<CollectionRead<T>> {
  const max = options.maxItems ?? Number.POSITIVE_INFINITY;
  const items: T[] = [];
  let first: ApiResponse<HalPage | undefined> | undefined;
  let next: string | undefined = path;
  let query = options.query;
  while (next !== undefined) {
    const page: ApiResponse<HalPage | undefined> = await ctx.client.request<HalPage | undefined>({
      method: "GET",
      path: next,
      query,
    });
    first ??= page;
    query = undefined;
    const pageItems = page.body?._embedded?.[options.embedded];
    const href = page.body?._links?.next?.href;
    next = typeof href === "string" && href.length > 0 ? href : undefined;
    for (const item of Array.isArray(pageItems) ? (pageItems as T[]) : []) {
      if (items.length >= max) return { items, response: first, truncated: true };
      items.push(item);
    }
    // A next link on a full page may lead to an empty one; PingOne's total count settles it.
    if (items.length >= max && next !== undefined) {
      const total = first.body?.count;
      return { items, response: first, truncated: typeof total === "number" ? total > items.length : true };
    }
  }
  return { items, response: first!, truncated: false };
}

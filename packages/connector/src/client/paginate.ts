import type { PaginateOptions, PingOneClient } from "./types.js";

interface HalPage {
  _embedded?: Record<string, unknown>;
  _links?: { next?: { href?: unknown } };
}

/**
 * Streams the items of a HAL collection page by page, following `_links.next` verbatim (PingOne's
 * cursors are opaque), and stops as soon as `maxItems` have been yielded (docs/connector-client.md#paging).
 */
export async function* paginate<T>(
  client: Pick<PingOneClient, "request">,
  path: string,
  options: PaginateOptions,
): AsyncGenerator<T, void, undefined> {
  const max = options.maxItems ?? Number.POSITIVE_INFINITY;
  if (max <= 0) return;
  let yielded = 0;
  let next: string | undefined = path;
  let query = options.query;
  while (next !== undefined) {
    const page: { body: HalPage | undefined } = await client.request<HalPage | undefined>({
      method: "GET",
      path: next,
      query,
      signal: options.signal,
      transactionId: options.transactionId,
    });
    query = undefined;
    const body = page.body;
    const items = body?._embedded?.[options.embedded];
    if (Array.isArray(items)) {
      for (const item of items) {
        yield item as T;
        if (++yielded >= max) return;
      }
    }
    const href: unknown = body?._links?.next?.href;
    next = typeof href === "string" && href.length > 0 ? href : undefined;
  }
}

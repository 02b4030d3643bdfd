import { randomUUID } from "node:crypto";
import { PingOneError } from "../errors/pingone-error.js";
import { sanitizeExternalId } from "./external-id.js";
import { ACCEPT_ENCODING } from "./response-body.js";
import type { ApiRequest, HttpMethod, QueryValue } from "./types.js";

/** Where a client's requests go, worked out once per client. */
export interface RequestTarget {
  /** `<apiUrl>/v1` */
  readonly apiBaseUrl: string;
  /** `https://api.pingone.com`: the only origin the bearer token is sent to. */
  readonly origin: string;
  /** The path of `apiBaseUrl` (`/v1`, or `/prefix/v1` behind a custom domain). */
  readonly basePath: string;
  /**
   * Origins a HAL link may point at besides `origin`: PingOne serves agreement revision texts
   * from its region's `agreement-mgmt.` host (docs/connector-client.md#link-origins).
   */
  readonly linkOrigins: readonly string[];
  readonly userAgent: string;
}

export function requestTarget(apiUrl: string, userAgent: string): RequestTarget {
  const base = new URL(`${apiUrl}/v1`);
  return {
    apiBaseUrl: `${apiUrl}/v1`,
    origin: base.origin,
    basePath: base.pathname,
    linkOrigins: agreementHostOf(base),
    userAgent,
  };
}

/** `https://api.pingone.eu` → `https://agreement-mgmt.pingone.eu`; none for custom domains. */
function agreementHostOf(base: URL): string[] {
  if (base.protocol !== "https:" || !/^api\.pingone\.[a-z.]+$/.test(base.hostname)) return [];
  return [`https://agreement-mgmt.${base.hostname.slice("api.".length)}`];
}

/** An {@link ApiRequest} as it goes on the wire, except for the `Authorization` header. */
export interface OutgoingRequest {
  method: HttpMethod;
  origin: string;
  /** The path and query. */
  path: string;
  /** `origin` + `path` */
  url: string;
  headers: Record<string, string>;
  /** The JSON text of the body, when there is one. */
  body: string | undefined;
  /** The `X-Ping-External-Transaction-Id` sent, which PingOne records in its audit trail. */
  transactionId: string;
}

/**
 * Builds the URL, headers and body of a call: the one builder behind the HTTP client and the dry
 * run, so a dry run shows what would be sent (docs/connector-client.md#requests).
 */
export function buildRequest(target: RequestTarget, request: ApiRequest): OutgoingRequest {
  const { origin, path } = resolvePath(target, request.path, request.query);
  const transactionId = sanitizeExternalId(request.transactionId ?? randomUUID());
  const headers: Record<string, string> = {
    accept: "application/json",
    "accept-encoding": ACCEPT_ENCODING,
    "user-agent": target.userAgent,
    "x-ping-external-transaction-id": transactionId,
  };
  const extra = request.headers;
  if (extra !== undefined) for (const name of Object.keys(extra)) headers[name.toLowerCase()] = extra[name]!;
  const hasBody = request.body !== undefined;
  if (hasBody || request.contentType) headers["content-type"] = request.contentType ?? "application/json";
  return {
    method: request.method,
    origin,
    path,
    url: origin + path,
    headers,
    body: hasBody ? JSON.stringify(request.body) : undefined,
    transactionId,
  };
}

/** Characters a URL keeps as they are in a path, so a path made only of them needs no parsing. */
const PLAIN_PATH = /^[A-Za-z0-9\-_~!$&'()*+,;=:@/%.]*$/;
/** `.` and `..` segments (also percent-encoded), which the URL parser would resolve. */
const DOT_SEGMENT = /(?:^|\/)(?:\.|%2e){1,2}(?:\/|$)/i;

/**
 * The path and query to send. Paths are joined to `<apiUrl>/v1`; absolute URLs (HAL links) must
 * stay on the API origin (or a {@link RequestTarget.linkOrigins} one). Plain paths skip the URL parser, which would return them unchanged.
 */
function resolvePath(
  target: RequestTarget,
  path: string,
  query: Record<string, QueryValue> | undefined,
): { origin: string; path: string } {
  const relative = path.startsWith("/") ? path : `/${path}`;
  const absolute = /^https?:\/\//i.test(path);
  if (!absolute && PLAIN_PATH.test(relative) && !DOT_SEGMENT.test(relative)) {
    const search = query === undefined ? "" : searchOf(query);
    const full = target.basePath + relative;
    return { origin: target.origin, path: search === "" ? full : `${full}?${search}` };
  }
  const url = new URL(absolute ? path : `${target.apiBaseUrl}${relative}`);
  if (url.origin !== target.origin && !target.linkOrigins.includes(url.origin)) {
    // Never send the bearer token to a host a response body pointed at.
    throw new PingOneError(
      "INVALID_REQUEST",
      `Refusing to call ${url.origin}: it is not the PingOne API host ${target.origin}`,
    );
  }
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined) url.searchParams.set(name, String(value));
  }
  return { origin: url.origin, path: url.pathname + url.search };
}

/** `application/x-www-form-urlencoded`, as `URLSearchParams` writes it; undefined values are left out. */
function searchOf(query: Record<string, QueryValue>): string {
  let params: URLSearchParams | undefined;
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    params ??= new URLSearchParams();
    params.append(name, String(value));
  }
  return params === undefined ? "" : params.toString();
}

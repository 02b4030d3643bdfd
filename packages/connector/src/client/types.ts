export type HttpMethod = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE";

export type QueryValue = string | number | boolean | undefined;

/** One PingOne API call, relative to the API root (`<apiUrl>/v1`). */
export interface ApiRequest {
  method: HttpMethod;
  /**
   * A path below `/v1` (`/environments/{envId}/users`), or an absolute URL on the API host,
   * as found in a HAL `_links.*.href` (followed verbatim).
   */
  path: string;
  query?: Record<string, QueryValue>;
  /** JSON body; omitted for body-less actions such as `account.unlock+json`. */
  body?: unknown;
  /** `Content-Type`, e.g. PingOne's action media types; defaults to `application/json` when there is a body. */
  contentType?: string;
  headers?: Record<string, string>;
  /**
   * POSTs are never replayed after they may have been processed, unless this is true.
   * Ignored for GET, HEAD, PUT and DELETE, which are always retried on transient failures.
   */
  idempotent?: boolean;
  signal?: AbortSignal;
  /** `X-Ping-External-Transaction-Id`; one per logical operation (a capability run). */
  transactionId?: string;
  /**
   * Marks the last call of a capability: its response is only reshaped into the output, so a
   * dry run that reaches it has recorded every request. Real clients ignore it.
   */
  final?: boolean;
}

/** A PingOne HTTP response; the body is parsed JSON, or `undefined` when empty (204). */
export interface ApiResponse<T = unknown> {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: T;
  url: string;
  method: HttpMethod;
  /** PingOne's `Correlation-Id` response header, to quote in any support request. */
  correlationId: string | undefined;
  /** How many attempts the call took (1 when it succeeded at once). */
  attempts: number;
}

export interface PaginateOptions {
  /** The `_embedded` key of the collection, e.g. `users`, `groupMemberships`. */
  embedded: string;
  query?: Record<string, QueryValue>;
  /** Stop after this many items (the iterator never fetches pages beyond it). */
  maxItems?: number;
  signal?: AbortSignal;
  transactionId?: string;
}

/** The PingOne Platform API client the capabilities are written against. */
export interface PingOneClient {
  /** The environment the worker app belongs to and that calls are made in. */
  readonly environmentId: string;
  /** `<apiUrl>/v1` */
  readonly apiBaseUrl: string;
  /** Sends the call; resolves with any HTTP status, rejects only on transport failures. */
  send<T = unknown>(request: ApiRequest): Promise<ApiResponse<T>>;
  /** Like `send`, but rejects with a `PingOneApiError` (errors/api-error.ts) on a 4xx or 5xx status. */
  request<T = unknown>(request: ApiRequest): Promise<ApiResponse<T>>;
  /** Iterates a HAL collection, following `_links.next` verbatim. */
  paginate<T = unknown>(path: string, options: PaginateOptions): AsyncIterable<T>;
  /** Releases pooled connections. */
  close(): Promise<void>;
}

import { randomUUID } from "node:crypto";
import { sanitizeExternalId } from "../client/external-id.js";
import { REDACTED, redactValue } from "../client/redact.js";
import type { ApiRequest, ApiResponse, PaginateOptions, PingOneClient, QueryValue } from "../client/types.js";
import { USER_AGENT } from "../version.js";

/** One request a dry run would send, secrets redacted. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** The JSON body with passwords, codes and secrets replaced by `[REDACTED]`; absent when none is sent. */
  body?: unknown;
}

/** Thrown inside the handler to stop a dry run at a request whose response it cannot have. */
export class DryRunStop extends Error {
  readonly complete: boolean;
  readonly request: RecordedRequest;

  constructor(request: RecordedRequest, complete: boolean) {
    super(`dry run stopped at ${request.method} ${request.url}`);
    this.name = "DryRunStop";
    this.request = request;
    this.complete = complete;
  }
}

/**
 * A {@link PingOneClient} that records the requests it is asked to send and sends nothing. It
 * fetches no token and never invents a response: at the first call the handler waits on, it
 * stops the run (`complete` when the call was marked final).
 */
export class RecordingPingOneClient implements PingOneClient {
  readonly environmentId: string;
  readonly apiBaseUrl: string;
  readonly requests: RecordedRequest[] = [];

  private readonly userAgent: string;

  constructor(connection: { environmentId: string; apiUrl: string }, userAgent: string = USER_AGENT) {
    this.environmentId = connection.environmentId;
    this.userAgent = userAgent;
    this.apiBaseUrl = `${connection.apiUrl}/v1`;
  }

  async send<T = unknown>(request: ApiRequest): Promise<ApiResponse<T>> {
    const recorded = this.record(request);
    throw new DryRunStop(recorded, request.final === true);
  }

  request<T = unknown>(request: ApiRequest): Promise<ApiResponse<T>> {
    return this.send<T>(request);
  }

  paginate<T = unknown>(path: string, options: PaginateOptions): AsyncIterable<T> {
    const client = this;
    return {
      [Symbol.asyncIterator]() {
        return {
          next: async (): Promise<IteratorResult<T>> => {
            await client.send({
              method: "GET",
              path,
              query: options.query,
              signal: options.signal,
              transactionId: options.transactionId,
            });
            return { done: true, value: undefined };
          },
        };
      },
    };
  }

  async close(): Promise<void> {}

  /** Builds the request exactly as the HTTP client would (URL, headers, JSON body), then redacts it. */
  private record(request: ApiRequest): RecordedRequest {
    const headers: Record<string, string> = {
      accept: "application/json",
      "user-agent": this.userAgent,
      "x-ping-external-transaction-id": sanitizeExternalId(request.transactionId ?? randomUUID()),
    };
    for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = value;
    const hasBody = request.body !== undefined;
    if (hasBody || request.contentType) headers["content-type"] = request.contentType ?? "application/json";
    headers.authorization = `Bearer ${REDACTED}`;
    const recorded: RecordedRequest = {
      method: request.method,
      url: this.resolveUrl(request.path, request.query),
      headers,
    };
    if (hasBody) recorded.body = redactValue(request.body, headers["content-type"]);
    this.requests.push(recorded);
    return recorded;
  }

  private resolveUrl(path: string, query: Record<string, QueryValue> | undefined): string {
    const url = /^https?:\/\//i.test(path)
      ? new URL(path)
      : new URL(`${this.apiBaseUrl}${path.startsWith("/") ? "" : "/"}${path}`);
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    return url.toString();
  }
}

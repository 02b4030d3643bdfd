import { buildRequest, type RequestTarget, requestTarget } from "../client/request-builder.js";
import type { ApiRequest, ApiResponse, PaginateOptions, PingOneClient } from "../client/types.js";
import { REDACTED, redactValue } from "../redaction/redact.js";
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
 * stops the run (`complete` when the call was marked final). A call recorded with `record` does
 * not stop it.
 */
export class RecordingPingOneClient implements PingOneClient {
  readonly environmentId: string;
  readonly apiBaseUrl: string;
  readonly requests: RecordedRequest[] = [];

  private readonly target: RequestTarget;

  constructor(connection: { environmentId: string; apiUrl: string }, userAgent: string = USER_AGENT) {
    this.environmentId = connection.environmentId;
    this.target = requestTarget(connection.apiUrl, userAgent);
    this.apiBaseUrl = this.target.apiBaseUrl;
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

  /**
   * Records a request without stopping the run: for a call whose answer the later calls do not
   * depend on (`requestAhead` in the capability kit). Built with the HTTP client's own builder,
   * then redacted.
   */
  record(request: ApiRequest): RecordedRequest {
    const outgoing = buildRequest(this.target, request);
    const headers: Record<string, string> = { ...outgoing.headers, authorization: `Bearer ${REDACTED}` };
    const recorded: RecordedRequest = { method: request.method, url: outgoing.url, headers };
    if (request.body !== undefined) recorded.body = redactValue(request.body, headers["content-type"]);
    this.requests.push(recorded);
    return recorded;
  }
}

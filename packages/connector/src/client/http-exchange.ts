import type { Dispatcher } from "undici";
import { onAbort } from "./abort-subscriptions.js";
import { decodeBody, utf8 } from "./response-body.js";
import { type ClassifiedTransportFailure, classifyTransportFailure } from "./transport.js";

/** One HTTP request as it goes on the wire. */
export interface RawRequest {
  method: Dispatcher.HttpMethod;
  /** `https://api.pingone.com` */
  origin: string;
  /** The path and query, as sent. */
  path: string;
  headers: Record<string, string>;
  body?: string | undefined;
}

export interface RawResponse {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  text: string;
}

/** An exchange that failed before an HTTP response arrived, already classified. */
export class RawTransportFailure extends Error {
  readonly failure: ClassifiedTransportFailure;

  constructor(failure: ClassifiedTransportFailure, cause: unknown) {
    super(failure.reason, { cause });
    this.failure = failure;
  }
}

/**
 * Error bodies are kept up to this many bytes, and the connection is dropped past it: PingOne's
 * are well under 2 KiB, and a proxy's error page must not fill the memory
 * (docs/connector-client.md#error-bodies).
 */
export const ERROR_BODY_LIMIT = 64 * 1024;

/**
 * HTTP exchanges straight on an undici dispatcher (no WHATWG Request, Response, Headers or body
 * stream: they cost more CPU than the rest of a call). The dispatcher's headers and body timeouts
 * bound each exchange; the caller's AbortSignal ends it at once (docs/connector-client.md#transport).
 */
export class HttpTransport {
  readonly dispatcher: Dispatcher;
  private readonly context: { timeoutMs: number; viaProxy: boolean };

  constructor(dispatcher: Dispatcher, context: { timeoutMs: number; viaProxy: boolean }) {
    this.dispatcher = dispatcher;
    this.context = context;
  }

  exchange(request: RawRequest, signal?: AbortSignal): Promise<RawResponse> {
    return new Promise((resolve, reject) => {
      const handler = new ExchangeHandler(resolve, reject, this.context, signal);
      if (signal?.aborted) return handler.onResponseError(undefined, signal.reason);
      try {
        this.dispatcher.dispatch(request, handler);
      } catch (error) {
        handler.onResponseError(undefined, error);
      }
    });
  }
}

/** Collects one response; settles the exchange's promise exactly once. */
class ExchangeHandler implements Dispatcher.DispatchHandler {
  private controller: Dispatcher.DispatchController | undefined;
  private settled = false;
  private status = 0;
  private statusText = "";
  private headers: Record<string, string> = {};
  private chunks: Buffer[] = [];
  private bytes = 0;
  private limit = Number.POSITIVE_INFINITY;
  private readonly unsubscribe: (() => void) | undefined;

  constructor(
    private readonly resolve: (response: RawResponse) => void,
    private readonly reject: (failure: RawTransportFailure) => void,
    private readonly context: { timeoutMs: number; viaProxy: boolean },
    private readonly signal: AbortSignal | undefined,
  ) {
    if (signal && !signal.aborted) {
      this.unsubscribe = onAbort(signal, () => {
        this.controller?.abort(signal.reason);
        this.onResponseError(undefined, signal.reason);
      });
    }
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    // Aborted while queued for a connection: the promise has settled, the request must not go out.
    if (this.settled) controller.abort(this.signal?.reason);
  }

  onResponseStart(
    _controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: Record<string, string | string[] | undefined>,
    statusMessage?: string,
  ): void {
    if (statusCode < 200) return; // 1xx: the final response follows
    this.status = statusCode;
    this.statusText = statusMessage ?? "";
    this.headers = flatten(headers);
    if (statusCode >= 400) this.limit = ERROR_BODY_LIMIT;
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.settled) return;
    if (this.bytes + chunk.length > this.limit) {
      this.chunks.push(chunk.subarray(0, this.limit - this.bytes));
      this.bytes = this.limit;
      this.finish();
      controller.abort(new Error("error body over the limit"));
      return;
    }
    this.chunks.push(chunk);
    this.bytes += chunk.length;
  }

  onResponseEnd(): void {
    this.finish();
  }

  onResponseError(_controller: Dispatcher.DispatchController | undefined, error: unknown): void {
    if (this.settled) return;
    this.settle();
    this.reject(
      new RawTransportFailure(
        classifyTransportFailure(error, { callerAborted: this.signal?.aborted === true, ...this.context }),
        error,
      ),
    );
  }

  private finish(): void {
    if (this.settled) return;
    this.settle();
    const bytes = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.bytes);
    const encoding = this.headers["content-encoding"];
    if (encoding === undefined || encoding === "identity") {
      this.resolve({
        status: this.status,
        statusText: this.statusText,
        headers: this.headers,
        text: utf8(bytes),
      });
      return;
    }
    decodeBody(bytes, encoding, this.status >= 400 ? ERROR_BODY_LIMIT : undefined).then(
      (text) =>
        this.resolve({ status: this.status, statusText: this.statusText, headers: this.headers, text }),
      (error: unknown) =>
        this.reject(
          new RawTransportFailure(
            classifyTransportFailure(error, { callerAborted: false, ...this.context }),
            error,
          ),
        ),
    );
  }

  private settle(): void {
    this.settled = true;
    this.unsubscribe?.();
  }
}

/** Repeated headers joined with ", ", as `Headers` does; a plain object for callers. */
function flatten(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  for (const name in headers) {
    if (typeof headers[name] !== "string") {
      const out: Record<string, string> = {};
      for (const [key, value] of Object.entries(headers)) {
        if (value !== undefined) out[key] = Array.isArray(value) ? value.join(", ") : value;
      }
      return out;
    }
  }
  return headers as Record<string, string>;
}

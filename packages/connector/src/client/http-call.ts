import { type Dispatcher, fetch } from "undici";
import { type ClassifiedTransportFailure, classifyTransportFailure } from "./transport.js";

export interface RawRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** The dispatcher's timeout, named in the error when it fires. */
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface RawResponse {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  text: string;
}

/** A fetch that failed before an HTTP response arrived, already classified. */
export class RawTransportFailure extends Error {
  readonly failure: ClassifiedTransportFailure;

  constructor(failure: ClassifiedTransportFailure, cause: unknown) {
    super(failure.reason, { cause });
    this.failure = failure;
  }
}

/**
 * One HTTP exchange through the shared dispatcher, whose headers and body timeouts bound it, with
 * the caller's AbortSignal.
 */
export async function httpCall(
  dispatcher: Dispatcher,
  request: RawRequest,
  viaProxy: boolean,
): Promise<RawResponse> {
  const signal = request.signal;
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal,
      dispatcher,
    });
    const text = await response.text();
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    return { status: response.status, statusText: response.statusText, headers, text };
  } catch (error) {
    throw new RawTransportFailure(
      classifyTransportFailure(error, {
        callerAborted: request.signal?.aborted === true,
        timeoutMs: request.timeoutMs,
        viaProxy,
      }),
      error,
    );
  }
}

/** Parses a response body as JSON when it looks like JSON; an empty body is `undefined`. */
export function parseBody(text: string, contentType: string | undefined): unknown {
  if (text.length === 0) return undefined;
  const looksJson = contentType === undefined || /json/i.test(contentType) || /^\s*[[{]/.test(text);
  if (!looksJson) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

import { PingOneError, type PingOneErrorCode } from "../../errors/pingone-error.js";
import { redactValue } from "../../redaction/redact.js";
import type { HttpMethod } from "../types.js";

/** One entry of a PingOne error body's `details[]`. */
export interface PingOneErrorDetail {
  code?: string;
  target?: string;
  message?: string;
  innerError?: Record<string, unknown>;
}

/** PingOne's error body: `{ id, code, message, details[] }`. */
export interface PingOneErrorBody {
  id?: string;
  code?: string;
  message?: string;
  details?: PingOneErrorDetail[];
}

export interface ApiErrorInit {
  status: number;
  method: HttpMethod;
  url: string;
  body: unknown;
  headers: Record<string, string>;
  correlationId: string | undefined;
  retryAfterSeconds: number | undefined;
  /** True when a non-idempotent call may have been applied although it reported failure. */
  outcomeUnknown: boolean;
  /** Secret values the request carried; scrubbed from everything the error keeps. */
  scrub?: readonly string[];
  /** The client's registry of secrets (client secret, tokens), scrubbed likewise. */
  secrets?: Iterable<string>;
}

/** A 4xx or 5xx answer from the PingOne API. */
export class PingOneApiError extends PingOneError {
  readonly status: number;
  readonly method: HttpMethod;
  readonly url: string;
  /** PingOne's error id (quote it with the correlation id when reporting a problem). */
  readonly pingOneId: string | undefined;
  /** PingOne's top-level code: `INVALID_DATA`, `NOT_FOUND`, `ACCESS_FAILED`, ... */
  readonly pingOneCode: string | undefined;
  readonly details: PingOneErrorDetail[];
  readonly correlationId: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly outcomeUnknown: boolean;
  /** The parsed response body (for PingOne errors, the error body). */
  readonly body: unknown;
  readonly headers: Record<string, string>;

  constructor(init: ApiErrorInit) {
    const body = redactValue(init.body, undefined, init.scrub, init.secrets);
    const parsed = asErrorBody(body);
    const code = classify(init.status, parsed);
    super(code, describe(init, parsed), { scrub: init.scrub, secrets: init.secrets });
    this.status = init.status;
    this.method = init.method;
    this.url = init.url;
    this.pingOneId = parsed.id;
    this.pingOneCode = parsed.code;
    this.details = parsed.details ?? [];
    this.correlationId = init.correlationId;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.outcomeUnknown = init.outcomeUnknown;
    this.body = body;
    this.headers = init.headers;
  }

  protected override fields(): Record<string, unknown> {
    return {
      status: this.status,
      method: this.method,
      url: this.url,
      pingOneId: this.pingOneId,
      pingOneCode: this.pingOneCode,
      details: this.details,
      correlationId: this.correlationId,
      retryAfterSeconds: this.retryAfterSeconds,
      outcomeUnknown: this.outcomeUnknown,
    };
  }
}

function asErrorBody(body: unknown): PingOneErrorBody {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return {};
  const record = body as Record<string, unknown>;
  return {
    id: typeof record.id === "string" ? record.id : undefined,
    code: typeof record.code === "string" ? record.code : undefined,
    message: typeof record.message === "string" ? record.message : undefined,
    details: Array.isArray(record.details)
      ? record.details.filter((d): d is PingOneErrorDetail => d !== null && typeof d === "object")
      : undefined,
  };
}

/** Maps PingOne's status and codes to the connector's stable kinds (docs/connector-client.md#errors). */
function classify(status: number, body: PingOneErrorBody): PingOneErrorCode {
  if (body.details?.some((d) => d.code === "UNIQUENESS_VIOLATION") || status === 409) {
    return "UNIQUENESS_VIOLATION";
  }
  if (status === 404 || body.code === "NOT_FOUND") return "NOT_FOUND";
  if (status === 429 || body.code === "REQUEST_LIMITED") return "RATE_LIMITED";
  if (status === 401 || status === 403 || body.code === "ACCESS_FAILED") return "ACCESS_FAILED";
  if (status === 415) return "UNSUPPORTED_MEDIA_TYPE";
  if (body.code === "INVALID_DATA") return "INVALID_DATA";
  if (status >= 400 && status < 500) return "INVALID_REQUEST";
  return "UNEXPECTED_ERROR";
}

function describe(init: ApiErrorInit, body: PingOneErrorBody): string {
  const path = safePath(init.url);
  const what = body.code ? `${body.code}: ${body.message ?? "no message"}` : `HTTP ${init.status}`;
  const details = (body.details ?? [])
    .map((d) => [d.code, d.target && `(${d.target})`, d.message].filter(Boolean).join(" "))
    .join("; ");
  const correlation = init.correlationId ? ` [Correlation-Id ${init.correlationId}]` : "";
  const unknown = init.outcomeUnknown
    ? " The outcome is unknown: the request may have been applied; check before repeating it."
    : "";
  const sentence = `PingOne ${init.method} ${path} failed with ${init.status}, ${what}${details ? ` - ${details}` : ""}`;
  return `${sentence.replace(/[.!?\s]+$/, "")}.${unknown}${correlation}`;
}

function safePath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

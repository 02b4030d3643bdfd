import { randomUUID } from "node:crypto";
import type { Dispatcher } from "undici";
import { type ConnectionSettings, type ResolvedConnection, resolveConnection } from "../config/connection.js";
import { USER_AGENT } from "../version.js";
import { PingOneApiError } from "./errors/api-error.js";
import { PingOneError } from "./errors/pingone-error.js";
import { PingOneTransportError } from "./errors/transport-error.js";
import { sanitizeExternalId } from "./external-id.js";
import { httpCall, parseBody, RawTransportFailure } from "./http-call.js";
import { type Logger, silentLogger } from "./logger.js";
import { paginate } from "./paginate.js";
import { redactUrl, secretValuesIn } from "./redact.js";
import {
  backoffDelay,
  DEFAULT_RETRY,
  isReplayable,
  isRetryableStatus,
  parseRetryAfter,
  type RetryOptions,
} from "./retry-policy.js";
import { type Clock, sleep, TokenProvider, type TokenStore } from "./token-provider.js";
import { createDispatcher } from "./transport.js";
import type {
  ApiRequest,
  ApiResponse,
  HttpMethod,
  PaginateOptions,
  PingOneClient,
  QueryValue,
} from "./types.js";

export interface PingOneClientOptions {
  /** A pino logger; the client is silent without one. */
  logger?: Logger;
  /**
   * Milliseconds to wait for response headers, and for each part of the body. Default 30 s.
   * With your own `dispatcher`, its timeouts apply instead.
   */
  timeoutMs?: number;
  retry?: RetryOptions;
  /** Share a connection pool between clients (the HTTP service uses one per process). */
  dispatcher?: Dispatcher;
  /** Share a token cache; defaults to one per process. */
  tokenStore?: TokenStore;
  /** Milliseconds since the epoch; tests inject a fake clock to move token expiry. */
  clock?: Clock;
  /** Appended to `User-Agent: pingone-connector/<version>`. */
  userAgentSuffix?: string;
  /** Observers for metrics; called synchronously, must not throw. */
  events?: ClientEvents;
}

/** What the client reports as it works (the HTTP service turns these into Prometheus metrics). */
export interface ClientEvents {
  retry?(info: {
    method: HttpMethod;
    path: string;
    status: number | undefined;
    waitMs: number;
    attempt: number;
  }): void;
  tokenRequest?(info: { tokenUrl: string; clientId: string }): void;
}

let tlsWarningGiven = false;

/**
 * Creates a PingOne Platform API client for a worker application.
 *
 * @example
 * const client = createPingOneClient({ envId, clientId, clientSecret, region: "NA" });
 * const { body } = await client.request({ method: "GET", path: `/environments/${client.environmentId}/users/${id}` });
 */
export function createPingOneClient(
  settings: ConnectionSettings | ResolvedConnection,
  options: PingOneClientOptions = {},
): PingOneClient & { readonly connection: ResolvedConnection; readonly tokens: TokenProvider } {
  const connection = isResolved(settings) ? settings : resolveConnection(settings);
  return new HttpPingOneClient(connection, options);
}

function isResolved(settings: ConnectionSettings | ResolvedConnection): settings is ResolvedConnection {
  return "tokenUrl" in settings && typeof settings.tokenUrl === "string" && "verifyTls" in settings;
}

class HttpPingOneClient implements PingOneClient {
  readonly connection: ResolvedConnection;
  readonly environmentId: string;
  readonly apiBaseUrl: string;
  readonly tokens: TokenProvider;
  private readonly apiOrigin: string;
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;
  private readonly viaProxy: boolean;
  private readonly logger: Logger;
  private readonly timeoutMs: number;
  private readonly retry: Required<RetryOptions>;
  private readonly clock: Clock;
  private readonly userAgent: string;
  private readonly events: ClientEvents;

  constructor(connection: ResolvedConnection, options: PingOneClientOptions) {
    this.connection = connection;
    this.environmentId = connection.environmentId;
    this.apiBaseUrl = `${connection.apiUrl}/v1`;
    this.apiOrigin = new URL(connection.apiUrl).origin;
    this.logger = options.logger ?? silentLogger();
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.clock = options.clock ?? Date.now;
    this.userAgent = options.userAgentSuffix ? `${USER_AGENT} ${options.userAgentSuffix}` : USER_AGENT;
    this.viaProxy = Boolean(connection.proxy || process.env.HTTPS_PROXY || process.env.HTTP_PROXY);
    if (!connection.verifyTls && !tlsWarningGiven) {
      tlsWarningGiven = true;
      this.logger.warn(
        { apiUrl: connection.apiUrl, tokenUrl: connection.tokenUrl },
        "TLS certificate verification is OFF for PingOne calls (verifyTls/verify_ssl = false); use only for testing",
      );
    }
    this.ownsDispatcher = options.dispatcher === undefined;
    this.dispatcher =
      options.dispatcher ??
      createDispatcher({
        verifyTls: connection.verifyTls,
        proxy: connection.proxy,
        timeoutMs: this.timeoutMs,
      });
    this.tokens = new TokenProvider({
      connection,
      dispatcher: this.dispatcher,
      viaProxy: this.viaProxy,
      logger: this.logger,
      clock: this.clock,
      store: options.tokenStore,
      timeoutMs: this.timeoutMs,
      retry: this.retry,
      userAgent: this.userAgent,
      onRequest: options.events?.tokenRequest,
    });
    this.events = options.events ?? {};
  }

  async request<T = unknown>(request: ApiRequest): Promise<ApiResponse<T>> {
    const response = await this.send<T>(request);
    if (response.status >= 400) {
      throw new PingOneApiError({
        status: response.status,
        method: response.method,
        url: redactUrl(response.url),
        body: response.body,
        headers: response.headers,
        correlationId: response.correlationId,
        retryAfterSeconds: retryAfterSeconds(response.headers["retry-after"]),
        outcomeUnknown: response.status >= 500 && !isReplayable(request.method, request.idempotent),
        scrub: secretValuesIn(request.body, request.contentType),
      });
    }
    return response;
  }

  async send<T = unknown>(request: ApiRequest): Promise<ApiResponse<T>> {
    const url = this.resolveUrl(request.path, request.query);
    const replayable = isReplayable(request.method, request.idempotent);
    // With no response there is no Correlation-Id: the transaction id, which PingOne records in
    // its audit trail, is then what identifies the call.
    const transactionId = sanitizeExternalId(request.transactionId ?? randomUUID());
    const hasBody = request.body !== undefined;
    const headers: Record<string, string> = {
      accept: "application/json",
      "user-agent": this.userAgent,
      "x-ping-external-transaction-id": transactionId,
      ...lowerCaseKeys(request.headers),
    };
    if (hasBody || request.contentType) headers["content-type"] = request.contentType ?? "application/json";
    const body = hasBody ? JSON.stringify(request.body) : undefined;

    const started = this.clock();
    let refreshedAfter401 = false;
    let rateLimited = 0;
    for (let attempt = 1; ; attempt++) {
      const accessToken = this.tokens.freshToken() ?? (await this.tokens.getToken(request.signal));
      let waitMs: number | undefined;
      let lastStatus: number | undefined;
      try {
        const raw = await httpCall(
          this.dispatcher,
          {
            method: request.method,
            url,
            headers: { ...headers, authorization: `Bearer ${accessToken}` },
            body,
            timeoutMs: this.timeoutMs,
            signal: request.signal,
          },
          this.viaProxy,
        );
        lastStatus = raw.status;
        if (raw.status === 401 && !refreshedAfter401) {
          // A token PingOne no longer accepts (revoked, or clock skew): renew once, retry once.
          refreshedAfter401 = true;
          this.tokens.invalidate(accessToken);
          this.logger.info(
            { method: request.method, path: pathOf(url) },
            "PingOne answered 401; renewing the token",
          );
          attempt--;
          continue;
        }
        const response: ApiResponse<T> = {
          status: raw.status,
          statusText: raw.statusText,
          headers: raw.headers,
          body: parseBody(raw.text, raw.headers["content-type"]) as T,
          url,
          method: request.method,
          correlationId: raw.headers["correlation-id"],
          attempts: attempt,
        };
        if (!isRetryableStatus(raw.status, replayable)) return response;
        // PingOne processed nothing on a 429, so it spends the time budget, not an attempt.
        if (raw.status === 429) rateLimited++;
        waitMs = this.retryDelay(attempt - rateLimited, started, raw.headers["retry-after"], attempt);
        if (waitMs === undefined) return response;
      } catch (error) {
        if (!(error instanceof RawTransportFailure)) throw error;
        const { failure } = error;
        const retryable = failure.code !== "ABORTED" && (replayable || failure.notSent);
        waitMs = retryable ? this.retryDelay(attempt - rateLimited, started, undefined, attempt) : undefined;
        if (waitMs === undefined) {
          throw new PingOneTransportError(failure.code, {
            method: request.method,
            url: redactUrl(url),
            reason: failure.reason,
            outcomeUnknown: !replayable && !failure.notSent && failure.code !== "ABORTED",
            attempts: attempt,
            transactionId,
            cause: error.cause,
          });
        }
      }
      this.logger.warn(
        { method: request.method, path: pathOf(url), status: lastStatus ?? "network error", waitMs, attempt },
        "retrying PingOne call",
      );
      this.events.retry?.({ method: request.method, path: pathOf(url), status: lastStatus, waitMs, attempt });
      await sleep(waitMs, request.signal).catch((reason: unknown) => {
        throw new PingOneTransportError("ABORTED", {
          method: request.method,
          url: redactUrl(url),
          reason: "aborted by the caller",
          outcomeUnknown: false,
          attempts: attempt,
          transactionId,
          cause: reason,
        });
      });
    }
  }

  paginate<T = unknown>(path: string, options: PaginateOptions): AsyncIterable<T> {
    return paginate<T>(this, path, options);
  }

  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }

  /**
   * Milliseconds to wait before the next attempt, or undefined when retries are exhausted.
   * `counted` attempts are limited by `maxAttempts`; every retry is limited by `maxElapsedMs`.
   */
  private retryDelay(
    counted: number,
    started: number,
    retryAfter: string | undefined,
    attempt: number,
  ): number | undefined {
    if (this.retry.maxAttempts <= 1 || counted >= this.retry.maxAttempts) return undefined;
    const advised = parseRetryAfter(retryAfter, Date.now());
    if (advised !== undefined && advised > this.retry.retryAfterCapMs) return undefined;
    const waitMs = advised ?? backoffDelay(Math.min(attempt, 16), this.retry);
    if (this.clock() - started + waitMs > this.retry.maxElapsedMs) return undefined;
    return waitMs;
  }

  /** Paths are joined to `<apiUrl>/v1`; absolute URLs (HAL links) must stay on the API host. */
  private resolveUrl(path: string, query: Record<string, QueryValue> | undefined): string {
    let url: URL;
    if (/^https?:\/\//i.test(path)) {
      url = new URL(path);
      if (url.origin !== this.apiOrigin) {
        // Never send the bearer token to a host a response body pointed at.
        throw new PingOneError(
          "INVALID_REQUEST",
          `Refusing to call ${url.origin}: it is not the PingOne API host ${this.apiOrigin}`,
        );
      }
    } else {
      url = new URL(`${this.apiBaseUrl}${path.startsWith("/") ? "" : "/"}${path}`);
    }
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    return url.toString();
  }
}

function lowerCaseKeys(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) out[name.toLowerCase()] = value;
  return out;
}

function retryAfterSeconds(value: string | undefined): number | undefined {
  const ms = parseRetryAfter(value, Date.now());
  return ms === undefined ? undefined : Math.ceil(ms / 1000);
}

function pathOf(url: string): string {
  return new URL(url).pathname;
}

export type { HttpMethod };

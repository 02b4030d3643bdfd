import type { Dispatcher } from "undici";
import { type ConnectionSettings, type ResolvedConnection, resolveConnection } from "../config/connection.js";
import { processSecrets, redactUrl, type SecretRegistry, secretValuesIn } from "../redaction/redact.js";
import { USER_AGENT } from "../version.js";
import { AuthorizedTransport, pathOf, type Renewal } from "./authorized-transport.js";
import type { Clock } from "./clock.js";
import { PingOneApiError } from "./errors/api-error.js";
import { PingOneTransportError, type TransportErrorCode } from "./errors/transport-error.js";
import { HttpTransport, type RawResponse, RawTransportFailure } from "./http-exchange.js";
import { type Logger, silentLogger } from "./logger.js";
import { paginate } from "./paginate.js";
import { buildRequest, type OutgoingRequest, type RequestTarget, requestTarget } from "./request-builder.js";
import { parseBody } from "./response-body.js";
import { type Attempt, type RetryNotice, withRetries } from "./retry.js";
import {
  DEFAULT_RETRY,
  isReplayable,
  isRetryableStatus,
  parseRetryAfter,
  type RetryOptions,
} from "./retry-policy.js";
import { retryReason } from "./retry-reason.js";
import { TokenProvider, type TokenStore } from "./token-provider.js";
import { createDispatcher } from "./transport.js";
import type { ApiRequest, ApiResponse, HttpMethod, PaginateOptions, PingOneClient } from "./types.js";

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
  /**
   * Where the client secret and issued tokens are registered, to be scrubbed from every error the
   * client builds; defaults to one bounded registry per process.
   */
  secrets?: SecretRegistry;
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

/**
 * The layers of a call, top down: the request builder; the retry executor; the worker token
 * and its renewal after a 401; one HTTP exchange on the dispatcher.
 */
class HttpPingOneClient implements PingOneClient {
  readonly connection: ResolvedConnection;
  readonly environmentId: string;
  readonly apiBaseUrl: string;
  readonly tokens: TokenProvider;
  private readonly target: RequestTarget;
  private readonly transport: HttpTransport;
  private readonly authorized: AuthorizedTransport;
  private readonly ownsDispatcher: boolean;
  private readonly logger: Logger;
  private readonly retry: Required<RetryOptions>;
  private readonly clock: Clock;
  private readonly secrets: SecretRegistry;
  private readonly events: ClientEvents;

  constructor(connection: ResolvedConnection, options: PingOneClientOptions) {
    this.connection = connection;
    this.environmentId = connection.environmentId;
    this.logger = options.logger ?? silentLogger();
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.clock = options.clock ?? Date.now;
    this.secrets = options.secrets ?? processSecrets;
    this.events = options.events ?? {};
    const userAgent = options.userAgentSuffix ? `${USER_AGENT} ${options.userAgentSuffix}` : USER_AGENT;
    this.target = requestTarget(connection.apiUrl, userAgent);
    this.apiBaseUrl = this.target.apiBaseUrl;
    if (!connection.verifyTls && !tlsWarningGiven) {
      tlsWarningGiven = true;
      this.logger.warn(
        { apiUrl: connection.apiUrl, tokenUrl: connection.tokenUrl },
        "TLS certificate verification is OFF for PingOne calls (verifyTls/verify_ssl = false); use only for testing",
      );
    }
    const timeoutMs = options.timeoutMs ?? 30_000;
    this.ownsDispatcher = options.dispatcher === undefined;
    const dispatcher =
      options.dispatcher ??
      createDispatcher({ verifyTls: connection.verifyTls, proxy: connection.proxy, timeoutMs });
    const env = process.env;
    const viaProxy = Boolean(
      connection.proxy || env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy,
    );
    this.transport = new HttpTransport(dispatcher, { timeoutMs, viaProxy });
    this.tokens = new TokenProvider({
      connection,
      transport: this.transport,
      logger: this.logger,
      clock: this.clock,
      store: options.tokenStore,
      retry: this.retry,
      userAgent,
      secrets: this.secrets,
      onRequest: options.events?.tokenRequest,
    });
    this.authorized = new AuthorizedTransport(this.transport, this.tokens, this.logger);
  }

  async request<T = unknown>(request: ApiRequest): Promise<ApiResponse<T>> {
    const response = await this.send<T>(request);
    if (response.status >= 400) {
      const retryAfterMs = parseRetryAfter(response.headers["retry-after"], this.clock());
      throw new PingOneApiError({
        status: response.status,
        method: response.method,
        url: redactUrl(response.url, this.secrets),
        body: response.body,
        headers: response.headers,
        correlationId: response.correlationId,
        retryAfterSeconds: retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000),
        // docs/connector-client.md#outcome-unknown
        outcomeUnknown: response.status >= 500 && !isReplayable(request.method, request.idempotent),
        scrub: secretValuesIn(request.body, request.contentType),
        secrets: this.secrets,
      });
    }
    return response;
  }

  async send<T = unknown>(request: ApiRequest): Promise<ApiResponse<T>> {
    const outgoing = buildRequest(this.target, request);
    const { signal } = request;
    const replayable = isReplayable(request.method, request.idempotent);
    const renewal: Renewal = { done: false };
    const { answer, attempts } = await withRetries<RawResponse>(
      {
        policy: this.retry,
        clock: this.clock,
        signal,
        onRetry: (info) => this.reportRetry(outgoing, info),
        aborted: (reason, attempts) =>
          this.transportError(outgoing, "ABORTED", "aborted by the caller", false, attempts, reason),
      },
      (attempt) => this.attempt(outgoing, signal, replayable, renewal, attempt),
    );
    return {
      status: answer.status,
      statusText: answer.statusText,
      headers: answer.headers,
      body: parseBody(answer.text, answer.headers["content-type"]) as T,
      url: outgoing.url,
      method: request.method,
      correlationId: answer.headers["correlation-id"],
      attempts,
    };
  }

  paginate<T = unknown>(path: string, options: PaginateOptions): AsyncIterable<T> {
    return paginate<T>(this, path, options);
  }

  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.transport.dispatcher.close();
  }

  /**
   * One attempt: an answer, retried when its status calls for it (docs/connector-client.md#retries);
   * or a transport failure, retried when the call is replayable or certainly never left.
   */
  private async attempt(
    outgoing: OutgoingRequest,
    signal: AbortSignal | undefined,
    replayable: boolean,
    renewal: Renewal,
    attempt: number,
  ): Promise<Attempt<RawResponse>> {
    try {
      const answer = await this.authorized.exchange(outgoing, signal, renewal);
      const { status } = answer;
      if (!isRetryableStatus(status, replayable)) return { answer };
      // PingOne processed nothing on a 429, so it spends the time budget, not an attempt.
      return { answer, retry: { status, retryAfter: answer.headers["retry-after"], free: status === 429 } };
    } catch (error) {
      if (!(error instanceof RawTransportFailure)) throw error;
      const { code, reason, notSent } = error.failure;
      const aborted = code === "ABORTED";
      const outcomeUnknown = !replayable && !notSent && !aborted;
      const failure = this.transportError(outgoing, code, reason, outcomeUnknown, attempt, error.cause);
      return !aborted && (replayable || notSent) ? { failure, retry: { reason } } : { failure };
    }
  }

  private transportError(
    outgoing: OutgoingRequest,
    code: TransportErrorCode,
    reason: string,
    outcomeUnknown: boolean,
    attempts: number,
    cause: unknown,
  ): PingOneTransportError {
    return new PingOneTransportError(code, {
      method: outgoing.method,
      url: redactUrl(outgoing.url, this.secrets),
      reason,
      outcomeUnknown,
      attempts,
      transactionId: outgoing.transactionId,
      cause,
      secrets: this.secrets,
    });
  }

  /**
   * One debug line per retry (docs/connector-client.md#retries): the attempt that failed, why,
   * and the wait before the next one. The path has no query and the reason is scrubbed, so no
   * secret can reach the log.
   */
  private reportRetry(outgoing: OutgoingRequest, { attempt, waitMs, status, reason }: RetryNotice): void {
    const { method } = outgoing;
    const path = pathOf(outgoing.path);
    this.logger.debug(
      { method, path, attempt, waitMs, status, reason: retryReason(status, reason, this.secrets) },
      "retrying PingOne call",
    );
    this.events.retry?.({ method, path, status, waitMs, attempt });
  }
}

export type { HttpMethod };

import { createHash } from "node:crypto";
import type { ResolvedConnection } from "../config/connection.js";
import type { SecretRegistry } from "../redaction/redact.js";
import { onAbort } from "./abort-subscriptions.js";
import type { Clock } from "./clock.js";
import { PingOneTokenError } from "./errors/token-error.js";
import { PingOneTransportError } from "./errors/transport-error.js";
import { type HttpTransport, type RawRequest, RawTransportFailure } from "./http-exchange.js";
import type { Logger } from "./logger.js";
import { parseBody } from "./response-body.js";
import { type Attempt, withRetries } from "./retry.js";
import { isRetryableStatus, type RetryOptions } from "./retry-policy.js";
import { retryReason } from "./retry-reason.js";

export interface CachedToken {
  accessToken: string;
  /** When to stop using it: `expires_in` minus the refresh margin. */
  refreshAt: number;
}

/** Where tokens live; one per process by default, so every client of the same app shares them. */
export interface TokenStore {
  cached: Map<string, CachedToken>;
  inFlight: Map<string, Promise<CachedToken>>;
}

export function createTokenStore(): TokenStore {
  return { cached: new Map(), inFlight: new Map() };
}

const processTokenStore = createTokenStore();

export interface TokenProviderOptions {
  connection: ResolvedConnection;
  transport: HttpTransport;
  logger: Logger;
  clock: Clock;
  store?: TokenStore;
  retry: Required<RetryOptions>;
  userAgent: string;
  /** Where the client secret and every issued token are registered, to be scrubbed from errors. */
  secrets: SecretRegistry;
  /** Seconds before `expires_in` runs out at which the token is renewed. Default 60. */
  refreshMarginSeconds?: number;
  /** Called for every token request sent. */
  onRequest?(info: { tokenUrl: string; clientId: string }): void;
}

/**
 * Worker-app access tokens (client credentials), cached per token URL and client, renewed
 * before expiry, single-flight: concurrent callers on a cold or expiring cache share one request
 * (docs/connector-client.md#worker-token).
 */
export class TokenProvider {
  private readonly options: TokenProviderOptions;
  private readonly store: TokenStore;
  private readonly key: string;
  private readonly request: RawRequest;
  /** How many token requests this provider has sent (for tests and metrics). */
  requests = 0;

  constructor(options: TokenProviderOptions) {
    this.options = options;
    this.store = options.store ?? processTokenStore;
    const { tokenUrl, clientId, clientSecret } = options.connection;
    // The secret's fingerprint keeps a wrong secret from borrowing a token issued to the right one.
    const fingerprint = createHash("sha256").update(clientSecret).digest("hex").slice(0, 16);
    this.key = `${tokenUrl}\n${clientId}\n${fingerprint}`;
    options.secrets.add(clientSecret);
    this.request = tokenRequest(options.connection, options.userAgent);
  }

  /** The cached token while it is fresh, without waiting: the hot path of every call. */
  freshToken(): string | undefined {
    const cached = this.store.cached.get(this.key);
    return cached && this.options.clock() < cached.refreshAt ? cached.accessToken : undefined;
  }

  /**
   * A valid access token, from the cache or freshly issued. The shared request does not watch
   * any one caller's signal: a caller that gives up stops waiting, and the others still get it.
   */
  async getToken(signal?: AbortSignal): Promise<string> {
    const fresh = this.freshToken();
    if (fresh !== undefined) return fresh;
    let pending = this.store.inFlight.get(this.key);
    if (!pending) {
      pending = this.fetchToken().finally(() => this.store.inFlight.delete(this.key));
      this.store.inFlight.set(this.key, pending);
    }
    return (await (signal ? this.untilAborted(pending, signal) : pending)).accessToken;
  }

  /** Drops a token PingOne refused (401), unless a newer one already replaced it. */
  invalidate(accessToken: string): void {
    if (this.store.cached.get(this.key)?.accessToken === accessToken) this.store.cached.delete(this.key);
  }

  private fetchToken(): Promise<CachedToken> {
    const { logger, retry, clock } = this.options;
    const path = new URL(this.options.connection.tokenUrl).pathname;
    return withRetries<CachedToken>(
      {
        policy: retry,
        clock,
        onRetry: ({ attempt, status, waitMs, reason }) =>
          logger.debug(
            {
              method: "POST",
              path,
              attempt,
              waitMs,
              status,
              reason: retryReason(status, reason, this.options.secrets),
            },
            "retrying token request",
          ),
        aborted: (reason) => reason,
      },
      (attempt) => this.requestToken(attempt),
    ).then(({ answer }) => answer);
  }

  private async requestToken(attempt: number): Promise<Attempt<CachedToken>> {
    const { connection, logger, clock, secrets } = this.options;
    const { tokenUrl, clientId } = connection;
    this.requests++;
    this.options.onRequest?.({ tokenUrl, clientId });
    let response: Awaited<ReturnType<HttpTransport["exchange"]>>;
    try {
      response = await this.options.transport.exchange(this.request);
    } catch (error) {
      if (!(error instanceof RawTransportFailure)) throw error;
      // No answer from the token endpoint: a transport failure, not refused credentials. A token
      // request changes nothing at PingOne, so it is always safe to repeat.
      const { code, reason } = error.failure;
      const failure = new PingOneTransportError(code, {
        method: "POST",
        url: tokenUrl,
        reason,
        outcomeUnknown: false,
        attempts: attempt,
        cause: error,
        secrets,
      });
      return { failure, retry: { reason } };
    }
    const body = parseBody(response.text, response.headers["content-type"]) as
      | Record<string, unknown>
      | undefined;
    if (response.status === 200 && body && typeof body.access_token === "string") {
      const expiresIn = typeof body.expires_in === "number" ? body.expires_in : 3600;
      const margin = this.options.refreshMarginSeconds ?? 60;
      secrets.add(body.access_token);
      const token: CachedToken = {
        accessToken: body.access_token,
        refreshAt: clock() + Math.max(0, expiresIn - margin) * 1000,
      };
      this.store.cached.set(this.key, token);
      logger.debug({ tokenUrl, clientId, expiresIn }, "PingOne worker token issued");
      return { answer: token };
    }
    const failure = new PingOneTokenError({
      tokenUrl,
      clientId,
      status: response.status,
      oauthError: typeof body?.error === "string" ? body.error : undefined,
      description: typeof body?.error_description === "string" ? body.error_description : undefined,
      secrets,
    });
    if (!isRetryableStatus(response.status, true)) return { failure };
    const { status } = response;
    return { failure, retry: { status, retryAfter: response.headers["retry-after"], free: status === 429 } };
  }

  /** The shared request's result, or `ABORTED` as soon as this caller's signal aborts. */
  private untilAborted(pending: Promise<CachedToken>, signal: AbortSignal): Promise<CachedToken> {
    const { tokenUrl } = this.options.connection;
    const aborted = () =>
      new PingOneTransportError("ABORTED", {
        method: "POST",
        url: tokenUrl,
        reason: "aborted by the caller while waiting for the worker token",
        outcomeUnknown: false,
        attempts: 0,
        cause: signal.reason,
      });
    if (signal.aborted) return Promise.reject(aborted());
    return new Promise((resolve, reject) => {
      const unsubscribe = onAbort(signal, () => reject(aborted()));
      pending.then(resolve, reject).finally(unsubscribe);
    });
  }
}

/** The client-credentials request, the same every time (client_secret_basic or _post). */
function tokenRequest(connection: ResolvedConnection, userAgent: string): RawRequest {
  const { tokenUrl, clientId, clientSecret, tokenAuthMethod } = connection;
  const url = new URL(tokenUrl);
  const headers: Record<string, string> = {
    "content-type": "application/x-www-form-urlencoded",
    accept: "application/json",
    "user-agent": userAgent,
  };
  const form = new URLSearchParams({ grant_type: "client_credentials" });
  if (tokenAuthMethod === "client_secret_basic") {
    const credentials = `${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`;
    headers.authorization = `Basic ${Buffer.from(credentials).toString("base64")}`;
  } else {
    form.set("client_id", clientId);
    form.set("client_secret", clientSecret);
  }
  return {
    method: "POST",
    origin: url.origin,
    path: `${url.pathname}${url.search}`,
    headers,
    body: form.toString(),
  };
}

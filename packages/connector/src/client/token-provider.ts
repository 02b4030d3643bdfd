import { createHash } from "node:crypto";
import type { Dispatcher } from "undici";
import type { ResolvedConnection } from "../config/connection.js";
import { PingOneTokenError } from "./errors/token-error.js";
import { httpCall, parseBody, RawTransportFailure } from "./http-call.js";
import type { Logger } from "./logger.js";
import { registerSecret } from "./redact.js";
import { backoffDelay, isRetryableStatus, parseRetryAfter, type RetryOptions } from "./retry-policy.js";

/** Milliseconds since the epoch; injectable so tests can move time. */
export type Clock = () => number;

interface CachedToken {
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
  dispatcher: Dispatcher;
  viaProxy: boolean;
  logger: Logger;
  clock: Clock;
  store?: TokenStore;
  timeoutMs: number;
  retry: Required<RetryOptions>;
  userAgent: string;
  /** Seconds before `expires_in` runs out at which the token is renewed. Default 60. */
  refreshMarginSeconds?: number;
  /** Called for every token request sent. */
  onRequest?(info: { tokenUrl: string; clientId: string }): void;
}

/**
 * Worker-app access tokens (client credentials), cached per token URL and client, renewed
 * before expiry, single-flight: concurrent callers on a cold or expiring cache share one request.
 */
export class TokenProvider {
  private readonly options: TokenProviderOptions;
  private readonly store: TokenStore;
  private readonly key: string;
  /** How many token requests this provider has sent (for tests and metrics). */
  requests = 0;

  constructor(options: TokenProviderOptions) {
    this.options = options;
    this.store = options.store ?? processTokenStore;
    const { tokenUrl, clientId, clientSecret } = options.connection;
    // The secret's fingerprint keeps a wrong secret from borrowing a token issued to the right one.
    const fingerprint = createHash("sha256").update(clientSecret).digest("hex").slice(0, 16);
    this.key = `${tokenUrl}\n${clientId}\n${fingerprint}`;
    registerSecret(clientSecret);
  }

  /** The cached token while it is fresh, without waiting: the hot path of every call. */
  freshToken(): string | undefined {
    const cached = this.store.cached.get(this.key);
    return cached && this.options.clock() < cached.refreshAt ? cached.accessToken : undefined;
  }

  /** A valid access token, from the cache or freshly issued. */
  async getToken(signal?: AbortSignal): Promise<string> {
    const fresh = this.freshToken();
    if (fresh !== undefined) return fresh;
    let pending = this.store.inFlight.get(this.key);
    if (!pending) {
      pending = this.fetchToken(signal).finally(() => this.store.inFlight.delete(this.key));
      this.store.inFlight.set(this.key, pending);
    }
    return (await pending).accessToken;
  }

  /** Drops a token PingOne refused (401), unless a newer one already replaced it. */
  invalidate(accessToken: string): void {
    if (this.store.cached.get(this.key)?.accessToken === accessToken) this.store.cached.delete(this.key);
  }

  private async fetchToken(signal?: AbortSignal): Promise<CachedToken> {
    const { connection, logger, retry } = this.options;
    const { tokenUrl, clientId, clientSecret, tokenAuthMethod } = connection;
    const headers: Record<string, string> = {
      "content-type": "application/x-www-form-urlencoded",
      accept: "application/json",
      "user-agent": this.options.userAgent,
    };
    const form = new URLSearchParams({ grant_type: "client_credentials" });
    if (tokenAuthMethod === "client_secret_basic") {
      const credentials = `${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`;
      headers.authorization = `Basic ${Buffer.from(credentials).toString("base64")}`;
    } else {
      form.set("client_id", clientId);
      form.set("client_secret", clientSecret);
    }

    const started = this.options.clock();
    for (let attempt = 1; ; attempt++) {
      let failure: PingOneTokenError;
      let waitMs: number | undefined;
      try {
        this.requests++;
        this.options.onRequest?.({ tokenUrl, clientId });
        const response = await httpCall(
          this.options.dispatcher,
          {
            method: "POST",
            url: tokenUrl,
            headers,
            body: form.toString(),
            timeoutMs: this.options.timeoutMs,
            signal,
          },
          this.options.viaProxy,
        );
        const body = parseBody(response.text, response.headers["content-type"]) as
          | Record<string, unknown>
          | undefined;
        if (response.status === 200 && body && typeof body.access_token === "string") {
          const expiresIn = typeof body.expires_in === "number" ? body.expires_in : 3600;
          const margin = this.options.refreshMarginSeconds ?? 60;
          registerSecret(body.access_token);
          const token: CachedToken = {
            accessToken: body.access_token,
            refreshAt: this.options.clock() + Math.max(0, expiresIn - margin) * 1000,
          };
          this.store.cached.set(this.key, token);
          logger.debug({ tokenUrl, clientId, expiresIn }, "PingOne worker token issued");
          return token;
        }
        failure = new PingOneTokenError({
          tokenUrl,
          clientId,
          status: response.status,
          oauthError: typeof body?.error === "string" ? body.error : undefined,
          description: typeof body?.error_description === "string" ? body.error_description : undefined,
        });
        if (isRetryableStatus(response.status, true)) {
          waitMs =
            parseRetryAfter(response.headers["retry-after"], Date.now()) ?? backoffDelay(attempt, retry);
        }
      } catch (error) {
        if (!(error instanceof RawTransportFailure)) throw error;
        failure = new PingOneTokenError({
          tokenUrl,
          clientId,
          description: error.failure.reason,
          cause: error,
        });
        if (error.failure.code !== "ABORTED") waitMs = backoffDelay(attempt, retry);
      }
      const elapsed = this.options.clock() - started;
      if (
        waitMs === undefined ||
        attempt >= retry.maxAttempts ||
        waitMs > retry.retryAfterCapMs ||
        elapsed + waitMs > retry.maxElapsedMs
      ) {
        throw failure;
      }
      logger.warn(
        { method: "POST", path: new URL(tokenUrl).pathname, status: failure.status, waitMs },
        "retrying token request",
      );
      await sleep(waitMs, signal);
    }
  }
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

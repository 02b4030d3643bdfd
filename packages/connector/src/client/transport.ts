import { Agent, type Dispatcher, EnvHttpProxyAgent, ProxyAgent } from "undici";
import type { TransportErrorCode } from "./errors/transport-error.js";

export interface DispatcherOptions {
  verifyTls: boolean;
  /** An explicit proxy; without it HTTPS_PROXY / HTTP_PROXY / NO_PROXY from the environment apply. */
  proxy: string | undefined;
  /** Milliseconds to establish a connection (TCP + TLS). */
  connectTimeoutMs?: number;
  /**
   * Milliseconds to wait for response headers, and for each part of the body. Kept in the
   * dispatcher rather than in a per-request AbortSignal, which costs more CPU than the rest of
   * the client's work on a call.
   */
  timeoutMs?: number;
}

/**
 * The connection pool shared by the token and API calls: keep-alive, proxy, TLS verification.
 * One dispatcher can serve many clients (the HTTP service uses one per process);
 * docs/connector-client.md#proxy-and-tls and #timeouts.
 */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const tls = { rejectUnauthorized: options.verifyTls };
  const timeout = options.timeoutMs ?? 30_000;
  const common = {
    keepAliveTimeout: 30_000,
    keepAliveMaxTimeout: 600_000,
    connections: 128,
    headersTimeout: timeout,
    bodyTimeout: timeout,
    connect: { ...tls, timeout: options.connectTimeoutMs ?? 10_000 },
  };
  if (options.proxy) {
    return new ProxyAgent({ ...common, uri: options.proxy, requestTls: tls, proxyTls: tls });
  }
  // The environment's proxy settings, when there are any; otherwise a plain pool (the proxy-aware
  // agent reads NO_PROXY from the environment on every request).
  const env = process.env;
  if (env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy)
    return new EnvHttpProxyAgent(common);
  return new Agent(common);
}

const TLS_CODES = new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "ERR_SSL_WRONG_VERSION_NUMBER",
  "EPROTO",
]);

/** Failures that happen before a request can reach the server: replaying them is always safe. */
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
  ...TLS_CODES,
]);

export interface ClassifiedTransportFailure {
  code: TransportErrorCode;
  reason: string;
  /** True when the request certainly never reached the server. */
  notSent: boolean;
}

const TIMEOUT_CODES = new Set(["UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);

/** Names an exchange that failed without a response: timeout, caller abort, TLS, proxy, or network. */
export function classifyTransportFailure(
  error: unknown,
  context: { callerAborted: boolean; timeoutMs: number; viaProxy: boolean },
): ClassifiedTransportFailure {
  if (context.callerAborted) return { code: "ABORTED", reason: "aborted by the caller", notSent: false };
  const cause = rootCause(error);
  const code = typeof cause.code === "string" ? cause.code : undefined;
  const message = typeof cause.message === "string" ? cause.message : String(error);
  if (code && TIMEOUT_CODES.has(code)) {
    return { code: "TIMEOUT", reason: `no response within ${context.timeoutMs} ms`, notSent: false };
  }
  if (code && TLS_CODES.has(code)) {
    return { code: "TLS_ERROR", reason: `TLS certificate verification failed (${code})`, notSent: true };
  }
  if (/proxy/i.test(message) || (context.viaProxy && code === "ECONNREFUSED")) {
    return { code: "PROXY_ERROR", reason: `proxy failure: ${message}`, notSent: true };
  }
  if (code === "UND_ERR_CONNECT_TIMEOUT") {
    return { code: "TIMEOUT", reason: "connection timed out", notSent: true };
  }
  return {
    code: "NETWORK_ERROR",
    reason: `network failure${code ? ` (${code})` : ""}: ${message}`,
    notSent: code !== undefined && NOT_SENT_CODES.has(code),
  };
}

function rootCause(error: unknown): { code?: unknown; message?: unknown } {
  let current: unknown = error;
  for (let depth = 0; depth < 5; depth++) {
    if (current === null || typeof current !== "object") break;
    const record = current as { code?: unknown; cause?: unknown };
    if (typeof record.code === "string") return record;
    if (record.cause === undefined) break;
    current = record.cause;
  }
  return (current ?? {}) as { code?: unknown; message?: unknown };
}

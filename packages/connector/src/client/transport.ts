import { type Dispatcher, EnvHttpProxyAgent, ProxyAgent } from "undici";
import type { TransportErrorCode } from "./errors/transport-error.js";

export interface DispatcherOptions {
  verifyTls: boolean;
  /** An explicit proxy; without it HTTPS_PROXY / HTTP_PROXY / NO_PROXY from the environment apply. */
  proxy: string | undefined;
  /** Milliseconds to establish a connection (TCP + TLS). */
  connectTimeoutMs?: number;
}

/**
 * The connection pool shared by the token and API calls: keep-alive, proxy, TLS verification.
 * One dispatcher can serve many clients (the HTTP service uses one per process).
 */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const tls = { rejectUnauthorized: options.verifyTls };
  const common = {
    keepAliveTimeout: 30_000,
    keepAliveMaxTimeout: 600_000,
    connections: 128,
    connect: { ...tls, timeout: options.connectTimeoutMs ?? 10_000 },
  };
  if (options.proxy) {
    return new ProxyAgent({ ...common, uri: options.proxy, requestTls: tls, proxyTls: tls });
  }
  return new EnvHttpProxyAgent(common);
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

/** Names a fetch failure: timeout, caller abort, TLS, proxy, or network. */
export function classifyTransportFailure(
  error: unknown,
  context: { timedOut: boolean; callerAborted: boolean; timeoutMs: number; viaProxy: boolean },
): ClassifiedTransportFailure {
  if (context.callerAborted) return { code: "ABORTED", reason: "aborted by the caller", notSent: false };
  if (context.timedOut) {
    return { code: "TIMEOUT", reason: `no response within ${context.timeoutMs} ms`, notSent: false };
  }
  const cause = rootCause(error);
  const code = typeof cause.code === "string" ? cause.code : undefined;
  const message = typeof cause.message === "string" ? cause.message : String(error);
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

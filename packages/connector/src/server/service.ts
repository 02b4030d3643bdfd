import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Logger } from "../client/logger.js";
import type { PingOneClientOptions } from "../client/pingone-client.js";
import type { ConnectionSettings, ResolvedConnection } from "../config/connection.js";
import { type Connector, createConnector } from "../connector.js";
import { ServiceLifecycle } from "./lifecycle.js";
import { ServiceMetrics } from "./metrics.js";
import { createServiceApp } from "./service-app.js";
import type { ServiceApp } from "./service-env.js";
import { type SignOnSettings, signOnSettingsProblem } from "./sign-on/sign-on-settings.js";

export interface ServiceOptions {
  connection: ConnectionSettings | ResolvedConnection;
  logger: Logger;
  port?: number;
  host?: string;
  /** `PINGONE_CONNECTOR_API_KEY`; required unless `insecureNoAuth` and a loopback host. */
  apiKey?: string;
  insecureNoAuth?: boolean;
  maxBodyBytes?: number;
  requestTimeoutMs?: number;
  /** Longest wait for in-flight calls on shutdown. Default 30 s. */
  shutdownGraceMs?: number;
  client?: Omit<PingOneClientOptions, "logger" | "events">;
  /** Serve the sign-on page at `/sign-on`, with no API key (docs/connector-service.md#sign-on-page). */
  signOn?: SignOnSettings;
}

export interface RunningService {
  url: string;
  connector: Connector;
  metrics: ServiceMetrics;
  /** Stops accepting calls, lets in-flight ones finish, then closes the PingOne connection pool. */
  shutdown(): Promise<void>;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

/** A problem that stops the service from starting (a missing API key, a bad host). */
export class ServiceStartError extends Error {
  readonly code = "serviceStartError";
}

/**
 * Starts the HTTP service. One connector, hence one token cache and one connection pool,
 * serves every request of the process.
 */
export async function startService(options: ServiceOptions): Promise<RunningService> {
  const host = options.host ?? "127.0.0.1";
  checkAuthentication(options, host);
  const signOnProblem = options.signOn && signOnSettingsProblem(options.signOn);
  if (signOnProblem) throw new ServiceStartError(signOnProblem);
  const metrics = new ServiceMetrics();
  const connector = createConnector(options.connection, {
    client: {
      ...options.client,
      logger: options.logger,
      events: {
        retry: ({ method, status }) => metrics.recordRetry(method, status),
        tokenRequest: () => metrics.recordTokenRequest(),
      },
    },
  });
  const lifecycle = new ServiceLifecycle();
  const app = createServiceApp({
    connector,
    metrics,
    logger: options.logger,
    apiKey: options.apiKey || undefined,
    maxBodyBytes: options.maxBodyBytes,
    requestTimeoutMs: options.requestTimeoutMs,
    lifecycle,
    signOn: options.signOn,
  });
  const server = await listen(app, options.port ?? 4700, host);
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}`;
  let stopping: Promise<void> | undefined;
  const shutdown = async () => {
    await drain(server, lifecycle, options.shutdownGraceMs ?? 30_000);
    await connector.close();
  };
  return { url, connector, metrics, shutdown: () => (stopping ??= shutdown()) };
}

/** The shortest API key the service accepts (docs/connector-service.md#api-key). */
export const MIN_API_KEY_LENGTH = 16;

/**
 * No key, no service, unless the operator turned the check off on a loopback host
 * (docs/connector-service.md#api-key).
 */
function checkAuthentication(options: ServiceOptions, host: string): void {
  if (options.apiKey) {
    // A short key can be guessed online; whitespace alone is a configuration slip, not a key.
    if (options.apiKey.trim().length >= MIN_API_KEY_LENGTH) return;
    throw new ServiceStartError(
      `PINGONE_CONNECTOR_API_KEY must be at least ${MIN_API_KEY_LENGTH} characters (not counting surrounding spaces); generate one with: node -e "console.log(require('node:crypto').randomBytes(24).toString('base64url'))"`,
    );
  }
  if (!options.insecureNoAuth) {
    throw new ServiceStartError(
      "PINGONE_CONNECTOR_API_KEY is not set: the service refuses to start without an API key (or pass --insecure-no-auth on a loopback host for local development)",
    );
  }
  if (!LOOPBACK.test(host)) {
    throw new ServiceStartError(`--insecure-no-auth is allowed only on a loopback host, not ${host}`);
  }
  options.logger.warn({ host }, "API key check is OFF (--insecure-no-auth); loopback only");
}

type Server = ReturnType<typeof serve>;

function listen(app: ServiceApp, port: number, hostname: string): Promise<Server> {
  return new Promise<Server>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, port, hostname }, () => resolve(started));
    started.once("error", reject);
  });
}

/**
 * Graceful shutdown (docs/connector-service.md#shutdown): stop accepting calls, let in-flight
 * ones finish within the grace period, then close the connections.
 */
async function drain(server: Server, lifecycle: ServiceLifecycle, graceMs: number): Promise<void> {
  lifecycle.draining = true;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  await Promise.race([lifecycle.idle(), delay(graceMs)]);
  // The last responses may still be flushing: close each connection once it turns idle,
  // and cut what is left only after a short deadline.
  const sweeper = setInterval(() => closeIdle(server), 25);
  await Promise.race([closed, delay(5_000)]);
  clearInterval(sweeper);
  if ("closeAllConnections" in server) server.closeAllConnections();
  await closed;
}

/** A timer that does not keep the process alive. */
function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function closeIdle(server: Server): void {
  if ("closeIdleConnections" in server) server.closeIdleConnections();
}

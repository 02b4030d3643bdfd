import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../client/logger.js";
import type { PingOneClientOptions } from "../client/pingone-client.js";
import type { ConnectionSettings, ResolvedConnection } from "../config/connection.js";
import { type Connector, createConnector } from "../connector.js";
import { drain } from "./drain.js";
import { createHttpServer } from "./http-server.js";
import { ServiceLifecycle } from "./lifecycle.js";
import { ServiceMetrics } from "./metrics.js";
import { createServiceApp } from "./service-app.js";

export interface ServiceOptions {
  connection: ConnectionSettings | ResolvedConnection;
  logger: Logger;
  port?: number;
  host?: string;
  /** `PINGONE_CONNECTOR_API_KEY`; required unless `insecureNoAuth` and a loopback host. */
  apiKey?: string;
  insecureNoAuth?: boolean;
  maxBodyBytes?: number;
  /** Each request's deadline, body and call included: 408 while the body arrives, 504 during the call. Default 60 s. */
  requestTimeoutMs?: number;
  /** Longest wait for in-flight calls on shutdown. Default 30 s. */
  shutdownGraceMs?: number;
  client?: Omit<PingOneClientOptions, "logger" | "events">;
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
    lifecycle,
  });
  const server = createHttpServer(app, { lifecycle, requestTimeoutMs: options.requestTimeoutMs ?? 60_000 });
  await listen(server, options.port ?? 4700, host);
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}`;
  let stopping: Promise<void> | undefined;
  const shutdown = async () => {
    await drain(server, lifecycle, { graceMs: options.shutdownGraceMs ?? 30_000, logger: options.logger });
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

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Logger } from "../client/logger.js";
import type { PingOneClientOptions } from "../client/pingone-client.js";
import type { ConnectionSettings, ResolvedConnection } from "../config/connection.js";
import { type Connector, createConnector } from "../connector.js";
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
  if (!options.apiKey) {
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
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, port: options.port ?? 4700, hostname: host }, () =>
      resolve(started),
    );
    started.once("error", reject);
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}`;
  let stopping: Promise<void> | undefined;
  return {
    url,
    connector,
    metrics,
    shutdown() {
      stopping ??= (async () => {
        lifecycle.draining = true;
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        const grace = new Promise<void>((resolve) =>
          setTimeout(resolve, options.shutdownGraceMs ?? 30_000).unref(),
        );
        await Promise.race([lifecycle.idle(), grace]);
        // The last responses may still be flushing: close each connection once it turns idle,
        // and cut what is left only after a short deadline.
        const sweeper = setInterval(() => closeIdle(server), 25);
        await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
        clearInterval(sweeper);
        if ("closeAllConnections" in server) server.closeAllConnections();
        await closed;
        await connector.close();
      })();
      return stopping;
    },
  };
}

function closeIdle(server: ReturnType<typeof serve>): void {
  if ("closeIdleConnections" in server) server.closeIdleConnections();
}

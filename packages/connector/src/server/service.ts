import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../client/logger.js";
import type { PingOneClientOptions } from "../client/pingone-client.js";
import { type ConnectionSettings, type ResolvedConnection, resolveConnection } from "../config/connection.js";
import { type Connector, createConnector } from "../connector.js";
import { loadGssapiBinding } from "../kerberos/kerberos-binding.js";
import { KerberosSetupError } from "../kerberos/kerberos-errors.js";
import { DEFAULT_MAX_BODY_BYTES } from "./calls/call-body.js";
import { createCallHandler } from "./calls/call-handler.js";
import { isLoopbackHost, referencePagesArePublic } from "./docs-access.js";
import { drain } from "./drain.js";
import { createHttpServer } from "./http-server.js";
import { ServiceLifecycle } from "./lifecycle.js";
import { ServiceMetrics } from "./metrics.js";
import { apiKeyCheck } from "./middleware/api-key.js";
import { createServiceApp } from "./service-app.js";
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
  /** Each request's deadline, body and call included: 408 while the body arrives, 504 during the call. Default 60 s. */
  requestTimeoutMs?: number;
  /** Longest wait for in-flight calls on shutdown. Default 30 s. */
  shutdownGraceMs?: number;
  client?: Omit<PingOneClientOptions, "logger" | "events">;
  /** Serve the sign-on page at `/sign-on`, with no API key (docs/connector-service.md#sign-on-page). */
  signOn?: SignOnSettings;
  /**
   * Serves `GET /sign-on/kerberos` (HTTP Negotiate), running kerberosAuthentication with this
   * input and the browser's token; needs the connection's `kerberos` settings. Off by default.
   */
  kerberosSignOn?: { input: Readonly<Record<string, unknown>> };
}

export interface RunningService {
  url: string;
  connector: Connector;
  metrics: ServiceMetrics;
  /** Stops accepting calls, lets in-flight ones finish, then closes the PingOne connection pool. */
  shutdown(): Promise<void>;
}

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
  const maxHeaderSize = options.kerberosSignOn ? checkKerberosSignOn(options) : undefined;
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
  const apiKey = options.apiKey ? apiKeyCheck(options.apiKey) : undefined;
  const app = createServiceApp({
    connector,
    metrics,
    logger: options.logger,
    apiKey,
    lifecycle,
    publicReference: referencePagesArePublic(host),
    kerberosSignOn: options.kerberosSignOn,
    signOn: options.signOn,
  });
  const calls = createCallHandler({
    connector,
    metrics,
    logger: options.logger,
    lifecycle,
    apiKey,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
  });
  const server = createHttpServer(app, calls, {
    lifecycle,
    requestTimeoutMs: options.requestTimeoutMs ?? 60_000,
    ...(maxHeaderSize ? { maxHeaderSize } : {}),
  });
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
  if (!isLoopbackHost(host)) {
    throw new ServiceStartError(`--insecure-no-auth is allowed only on a loopback host, not ${host}`);
  }
  options.logger.warn({ host }, "API key check is OFF (--insecure-no-auth); loopback only");
}

/**
 * Kerberos sign-on must work from the first request, so its settings are checked at start: the
 * capability input, the connection's kerberos settings and the native addon. Returns the header
 * size the server must accept for the largest token allowed (Node's default is 16 KiB).
 */
function checkKerberosSignOn(options: ServiceOptions): number {
  const { input } = options.kerberosSignOn!;
  if (Object.hasOwn(input, "kerberosTicket")) {
    throw new ServiceStartError(
      "Kerberos sign-on input: kerberosTicket comes from each browser, not the input",
    );
  }
  const { valid, problems } = createConnector({}).validate("kerberosAuthentication", input);
  if (!valid) {
    throw new ServiceStartError(
      `Kerberos sign-on input: ${problems.map((p) => `${p.path} ${p.message}`).join("; ")}`,
    );
  }
  const connection =
    "tokenUrl" in options.connection && typeof options.connection.tokenUrl === "string"
      ? (options.connection as ResolvedConnection)
      : resolveConnection(options.connection as ConnectionSettings);
  if (!connection.kerberos) {
    throw new ServiceStartError(
      "Kerberos sign-on needs the connection's kerberos settings: kerberos.keytab and kerberos.servicePrincipal (or PINGONE_KERBEROS_KEYTAB and PINGONE_KERBEROS_SERVICE_PRINCIPAL)",
    );
  }
  try {
    loadGssapiBinding();
  } catch (error) {
    if (error instanceof KerberosSetupError) throw new ServiceStartError(error.message);
    throw error;
  }
  return connection.kerberos.maxTokenLength + KERBEROS_HEADER_ROOM;
}

/** Room for the request line and the other headers beside the largest Negotiate token. */
const KERBEROS_HEADER_ROOM = 32 * 1024;

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

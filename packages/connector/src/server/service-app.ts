import { Hono } from "hono";
import type { Logger } from "../client/logger.js";
import type { Connector } from "../connector.js";
import { ConnectionHealth } from "./connection-health.js";
import type { ServiceLifecycle } from "./lifecycle.js";
import type { ServiceMetrics } from "./metrics.js";
import { type ApiKeyCheck, apiKeyAuth } from "./middleware/api-key.js";
import { closeWhileDraining, drainGuard } from "./middleware/drain-guard.js";
import { requestLog } from "./middleware/request-log.js";
import { catalogRoute } from "./routes/catalog.js";
import { kerberosSignOnRoute } from "./routes/kerberos-sign-on.js";
import { healthRoute, metricsRoute, referenceRoutes } from "./routes/meta.js";
import { SIGN_ON_PATH, signOnRoutes } from "./routes/sign-on.js";
import type { ServiceApp, ServiceEnv } from "./service-env.js";
import { routeNotFound, unexpectedError } from "./service-error.js";
import { resolveSignOnSettings, type SignOnSettings } from "./sign-on/sign-on-settings.js";

export interface ServiceAppOptions {
  connector: Connector;
  metrics: ServiceMetrics;
  logger: Logger;
  /** The API key check every route but `/healthz` and sign-on passes; `undefined` only with --insecure-no-auth. */
  apiKey: ApiKeyCheck | undefined;
  /** Shared with the server: while draining, responses close their connection. */
  lifecycle: ServiceLifecycle;
  /** `/docs` and `/openapi.json` without the key (loopback only: server/docs-access.ts). */
  publicReference?: boolean;
  /** Mounts `GET /sign-on/kerberos` with this kerberosAuthentication input; off by default. */
  kerberosSignOn?: { input: Readonly<Record<string, unknown>> };
  /** The sign-on page for people (`serve --sign-on-form`); without it there is none. */
  signOn?: SignOnSettings | undefined;
}

/**
 * The connector's HTTP service but its calls: the catalog, the OpenAPI document and reference
 * page, health, Prometheus metrics and the sign-on pages. It reads only the registries; the
 * HTTP server (`http-server.ts`) gives each request its scope (deadline, drain admission,
 * signal) and serves the calls itself (`calls/call-handler.ts`), with the same key check, log
 * and drain rules. Order matters: the log sees every response, `/healthz` and the sign-on pages
 * come before the key check (docs/connector-service.md#http-service).
 */
export function createServiceApp(options: ServiceAppOptions): ServiceApp {
  const { connector, metrics, logger, lifecycle } = options;
  const app = new Hono<ServiceEnv>();
  app.use(requestLog(logger));
  app.use(closeWhileDraining(lifecycle));
  healthRoute(app, lifecycle, new ConnectionHealth(connector));
  if (options.publicReference) referenceRoutes(app);
  const guard = drainGuard();
  // People who sign on have no API key: the sign-on pages come before the key check. The
  // Kerberos one reads the browser's Authorization header, which carries its token.
  if (options.kerberosSignOn) {
    kerberosSignOnRoute(app, {
      connector,
      metrics,
      guard,
      input: options.kerberosSignOn.input,
      passwordSignOnPath: options.signOn ? SIGN_ON_PATH : undefined,
    });
  }
  if (options.signOn) {
    const settings = resolveSignOnSettings(options.signOn);
    signOnRoutes(app, { connector, metrics, logger, guard, settings });
  }
  if (options.apiKey !== undefined) app.use(apiKeyAuth(options.apiKey));
  if (!options.publicReference) referenceRoutes(app);
  metricsRoute(app, metrics);
  catalogRoute(app);
  app.notFound(routeNotFound);
  app.onError(unexpectedError(logger));
  return app;
}

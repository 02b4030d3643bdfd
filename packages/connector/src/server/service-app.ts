import { Hono } from "hono";
import type { Logger } from "../client/logger.js";
import type { Connector } from "../connector.js";
import { ConnectionHealth } from "./connection-health.js";
import type { ServiceLifecycle } from "./lifecycle.js";
import type { ServiceMetrics } from "./metrics.js";
import { apiKeyAuth } from "./middleware/api-key.js";
import { DEFAULT_MAX_BODY_BYTES, limitBody } from "./middleware/body-limit.js";
import { closeWhileDraining, drainGuard } from "./middleware/drain-guard.js";
import { requestLog } from "./middleware/request-log.js";
import { actionRoutes } from "./routes/actions.js";
import { capabilityRoutes } from "./routes/capabilities.js";
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
  /** The API key every route but `/healthz` requires; `undefined` only with --insecure-no-auth. */
  apiKey: string | undefined;
  /** Largest accepted request body. Default 1 MiB. */
  maxBodyBytes?: number;
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
 * The connector's HTTP service: capabilities and actions over JSON, their OpenAPI document and
 * reference page, health and Prometheus metrics. It reads only the registries; the HTTP server
 * (`http-server.ts`) gives each request its scope (deadline, drain admission, signal). Order matters:
 * the log sees every response, `/healthz` comes before the key check, the body limit before
 * any route reads a body (docs/connector-service.md#http-service).
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
  app.use(limitBody(options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES));
  if (!options.publicReference) referenceRoutes(app);
  metricsRoute(app, metrics);
  capabilityRoutes(app, { connector, metrics, guard });
  actionRoutes(app, { connector, metrics, guard });
  app.notFound(routeNotFound);
  app.onError(unexpectedError(logger));
  return app;
}

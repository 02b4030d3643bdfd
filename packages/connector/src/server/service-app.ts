import { Hono } from "hono";
import type { Logger } from "../client/logger.js";
import type { Connector } from "../connector.js";
import type { ServiceLifecycle } from "./lifecycle.js";
import type { ServiceMetrics } from "./metrics.js";
import { apiKeyAuth } from "./middleware/api-key.js";
import { DEFAULT_MAX_BODY_BYTES, limitBody } from "./middleware/body-limit.js";
import { closeWhileDraining, drainGuard } from "./middleware/drain-guard.js";
import { requestLog } from "./middleware/request-log.js";
import { actionRoutes } from "./routes/actions.js";
import { capabilityRoutes } from "./routes/capabilities.js";
import { healthRoute, metaRoutes } from "./routes/meta.js";
import type { ServiceApp, ServiceEnv } from "./service-env.js";
import { routeNotFound, unexpectedError } from "./service-error.js";

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
  healthRoute(app, lifecycle);
  if (options.apiKey !== undefined) app.use(apiKeyAuth(options.apiKey));
  app.use(limitBody(options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES));
  metaRoutes(app, metrics);
  const guard = drainGuard();
  capabilityRoutes(app, { connector, metrics, guard });
  actionRoutes(app, { connector, metrics, guard });
  app.notFound(routeNotFound);
  app.onError(unexpectedError(logger));
  return app;
}

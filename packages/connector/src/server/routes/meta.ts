import { ACTIONS } from "../../actions/index.js";
import { CAPABILITIES } from "../../capabilities/index.js";
import { CONNECTOR_VERSION } from "../../version.js";
import type { ConnectionHealth } from "../connection-health.js";
import { renderDocsPage } from "../docs-page.js";
import type { ServiceLifecycle } from "../lifecycle.js";
import type { ServiceMetrics } from "../metrics.js";
import { buildOpenApiDocument } from "../openapi.js";
import type { ServiceApp } from "../service-env.js";

/**
 * `GET /healthz`: mounted before the API key check, so probes need no key. 503 when PingOne does
 * not issue the worker a token, with the reason (never a secret): every call would fail
 * (docs/connector-service.md#health).
 */
export function healthRoute(app: ServiceApp, lifecycle: ServiceLifecycle, health: ConnectionHealth): void {
  app.get("/healthz", async (c) => {
    if (lifecycle.draining) return c.json({ status: "draining", version: CONNECTOR_VERSION });
    const check = await health.check();
    if (check.ok) return c.json({ status: "ok", version: CONNECTOR_VERSION });
    const { ok: _ok, ...connection } = check;
    return c.json({ status: "unavailable", version: CONNECTOR_VERSION, connection }, 503);
  });
}

/** `GET /openapi.json` and `GET /docs`, built once from the registries. */
export function referenceRoutes(app: ServiceApp): void {
  const openApi = buildOpenApiDocument(CAPABILITIES, ACTIONS);
  const docsPage = renderDocsPage(openApi);
  app.get("/openapi.json", (c) => c.json(openApi));
  app.get("/docs", (c) => c.html(docsPage));
}

/** `GET /metrics`. */
export function metricsRoute(app: ServiceApp, metrics: ServiceMetrics): void {
  app.get("/metrics", async (c) => {
    c.header("Content-Type", metrics.registry.contentType);
    return c.body(await metrics.registry.metrics());
  });
}

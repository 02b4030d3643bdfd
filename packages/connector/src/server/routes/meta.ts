import { ACTIONS } from "../../actions/index.js";
import { CAPABILITIES } from "../../capabilities/index.js";
import { CONNECTOR_VERSION } from "../../version.js";
import { renderDocsPage } from "../docs-page.js";
import type { ServiceLifecycle } from "../lifecycle.js";
import type { ServiceMetrics } from "../metrics.js";
import { buildOpenApiDocument } from "../openapi.js";
import type { ServiceApp } from "../service-env.js";

/** `GET /healthz`: mounted before the API key check, so probes need no key. */
export function healthRoute(app: ServiceApp, lifecycle: ServiceLifecycle): void {
  app.get("/healthz", (c) =>
    c.json({ status: lifecycle.draining ? "draining" : "ok", version: CONNECTOR_VERSION }),
  );
}

/** `GET /openapi.json`, `GET /docs` and `GET /metrics`; the first two are built once, from the registries. */
export function metaRoutes(app: ServiceApp, metrics: ServiceMetrics): void {
  const openApi = buildOpenApiDocument(CAPABILITIES, ACTIONS);
  const docsPage = renderDocsPage(openApi);
  app.get("/openapi.json", (c) => c.json(openApi));
  app.get("/docs", (c) => c.html(docsPage));
  app.get("/metrics", async (c) => {
    c.header("Content-Type", metrics.registry.contentType);
    return c.body(await metrics.registry.metrics());
  });
}

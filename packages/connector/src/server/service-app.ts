import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ActionInputError, UnknownActionError } from "../actions/action-errors.js";
import { ACTIONS } from "../actions/index.js";
import { CAPABILITIES } from "../capabilities/index.js";
import type { Logger } from "../client/logger.js";
import { type Connector, UnknownCapabilityError } from "../connector.js";
import { toDaVinciEnvelope } from "../envelopes/davinci.js";
import { isSwimlaneEnvelopeStyle, presentSwimlaneEnvelope } from "../envelopes/swimlane.js";
import { PingOneError } from "../errors/pingone-error.js";
import { plainSchema } from "../manifests/plain-schema.js";
import { CONNECTOR_VERSION } from "../version.js";
import { apiKeyMatches, bearerKey } from "./api-key.js";
import { renderDocsPage } from "./docs-page.js";
import type { ServiceLifecycle } from "./lifecycle.js";
import type { ServiceMetrics } from "./metrics.js";
import { buildOpenApiDocument } from "./openapi.js";

export interface ServiceAppOptions {
  connector: Connector;
  metrics: ServiceMetrics;
  logger: Logger;
  /** The API key every route but `/healthz` requires; `undefined` only with --insecure-no-auth. */
  apiKey: string | undefined;
  /** Largest accepted request body. Default 1 MiB. */
  maxBodyBytes?: number;
  /** A call still running after this is aborted and answered 504. Default 60 s. */
  requestTimeoutMs?: number;
  /** Shared with the server: while draining, new calls are refused with 503. */
  lifecycle: ServiceLifecycle;
}

/** A service-level failure: `{ error: { code, message, ... } }` with an HTTP status. */
function serviceError(code: string, message: string, extra: Record<string, unknown> = {}) {
  return { error: { code, message, ...extra } };
}

/**
 * The connector's HTTP service: capabilities and actions over JSON, their OpenAPI document and
 * reference page, health and Prometheus metrics. It reads only the registries.
 */
export function createServiceApp(options: ServiceAppOptions): Hono {
  const { connector, metrics, logger, lifecycle } = options;
  const timeoutMs = options.requestTimeoutMs ?? 60_000;
  const app = new Hono();
  const openApi = buildOpenApiDocument(CAPABILITIES, ACTIONS);
  const docsPage = renderDocsPage(openApi);

  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    // While draining, tell clients not to reuse the connection, so it can close after this response.
    if (lifecycle.draining) c.header("Connection", "close");
    // Paths and statuses only: bodies and the Authorization header are never logged.
    logger.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      "request",
    );
  });

  app.get("/healthz", (c) =>
    c.json({ status: lifecycle.draining ? "draining" : "ok", version: CONNECTOR_VERSION }),
  );

  app.use(async (c, next) => {
    if (
      options.apiKey !== undefined &&
      !apiKeyMatches(bearerKey(c.req.header("authorization")), options.apiKey)
    ) {
      c.header("WWW-Authenticate", 'Bearer realm="pingone-connector"');
      return c.json(
        serviceError("unauthorized", "Send Authorization: Bearer <PINGONE_CONNECTOR_API_KEY>"),
        401,
      );
    }
    await next();
  });

  app.use(
    bodyLimit({
      maxSize: options.maxBodyBytes ?? 1024 * 1024,
      onError: (c) =>
        c.json(
          serviceError(
            "payloadTooLarge",
            `The request body exceeds ${options.maxBodyBytes ?? 1024 * 1024} bytes`,
          ),
          413,
        ),
    }),
  );

  app.get("/capabilities", (c) =>
    c.json({
      capabilities: CAPABILITIES.map((capability) => ({
        id: capability.id,
        title: capability.title,
        description: capability.description,
        inputSchema: plainSchema(capability.input),
        outputSchema: plainSchema(capability.output),
        properties: capability.properties,
        errors: capability.errors,
      })),
      actions: ACTIONS.map((action) => ({
        name: action.name,
        title: action.title,
        description: action.description,
        method: action.method,
        endpoint: action.endpoint,
        inputSchema: plainSchema(action.inputSchema),
        outputSchema: plainSchema(action.outputSchema),
      })),
    }),
  );
  app.get("/openapi.json", (c) => c.json(openApi));
  app.get("/docs", (c) => c.html(docsPage));
  app.get("/metrics", async (c) => {
    c.header("Content-Type", metrics.registry.contentType);
    return c.body(await metrics.registry.metrics());
  });

  app.post("/capabilities/:id", (c) =>
    tracked(c.req.raw, async (signal) => {
      const id = c.req.param("id");
      const input = await readJson(c.req.raw);
      if (!input.ok) return c.json(input.error, 400);
      const started = performance.now();
      try {
        if (c.req.query("dryRun") === "true") {
          return c.json(await connector.invoke(id, input.value, { dryRun: true, signal }));
        }
        const result = await connector.invoke(id, input.value, { signal });
        metrics.recordCall(
          "capability",
          id,
          (performance.now() - started) / 1000,
          result.ok ? undefined : result.code,
        );
        if (result.ok) return c.json(toDaVinciEnvelope(result));
        const status = signal.aborted ? 504 : errorStatus(result.httpResponseCode);
        return c.json(toDaVinciEnvelope(result), status);
      } catch (error) {
        if (error instanceof UnknownCapabilityError) {
          return c.json(serviceError("unknownCapability", error.message), 404);
        }
        throw error;
      }
    }),
  );

  app.post("/actions/:name", (c) =>
    tracked(c.req.raw, async (signal) => {
      const name = c.req.param("name");
      const style = c.req.query("envelope") ?? "object";
      if (!isSwimlaneEnvelopeStyle(style)) {
        return c.json(serviceError("invalidParameter", 'envelope must be "object" or "array"'), 400);
      }
      const input = await readJson(c.req.raw);
      if (!input.ok) return c.json(input.error, 400);
      const started = performance.now();
      try {
        const envelope = await connector.runAction(name, input.value, { signal });
        metrics.recordCall("action", name, (performance.now() - started) / 1000, undefined);
        return c.json(presentSwimlaneEnvelope(envelope, style));
      } catch (error) {
        if (error instanceof UnknownActionError)
          return c.json(serviceError("unknownAction", error.message), 404);
        if (error instanceof ActionInputError) {
          return c.json(serviceError("invalidInput", error.message, { problems: error.problems }), 400);
        }
        if (error instanceof PingOneError) {
          metrics.recordCall("action", name, (performance.now() - started) / 1000, error.code);
          const status = error.code === "CONFIGURATION_ERROR" ? 500 : signal.aborted ? 504 : 502;
          return c.json(serviceError(error.code, error.message), status);
        }
        throw error;
      }
    }),
  );

  app.notFound((c) => c.json(serviceError("notFound", `No route ${c.req.method} ${c.req.path}`), 404));
  app.onError((error, c) => {
    logger.error({ err: { name: error.name, message: error.message }, path: c.req.path }, "unhandled error");
    return c.json(serviceError("unexpectedError", "The service failed unexpectedly; see its log"), 500);
  });

  /** Counts the call for graceful shutdown, refuses it while draining, and bounds its time. */
  async function tracked(
    request: Request,
    run: (signal: AbortSignal) => Promise<Response>,
  ): Promise<Response> {
    if (lifecycle.draining) {
      return Response.json(serviceError("shuttingDown", "The service is shutting down"), {
        status: 503,
        headers: { connection: "close", "retry-after": "1" },
      });
    }
    lifecycle.begin();
    const signal = AbortSignal.any([request.signal, AbortSignal.timeout(timeoutMs)]);
    try {
      return await run(signal);
    } finally {
      lifecycle.end();
    }
  }

  return app;
}

async function readJson(
  request: Request,
): Promise<{ ok: true; value: unknown } | { ok: false; error: ReturnType<typeof serviceError> }> {
  const text = await request.text();
  try {
    return { ok: true, value: text.trim() === "" ? {} : JSON.parse(text) };
  } catch {
    // The parser's message quotes the body, which may hold a password: say only what is wrong.
    return { ok: false, error: serviceError("invalidJson", "The request body is not valid JSON") };
  }
}

/** The failure's PingOne status when it is an error status; 502 when PingOne gave none. */
function errorStatus(httpResponseCode: number): ContentfulStatusCode {
  return (
    httpResponseCode >= 400 && httpResponseCode <= 599 ? httpResponseCode : 502
  ) as ContentfulStatusCode;
}

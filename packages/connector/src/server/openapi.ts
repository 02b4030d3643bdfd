import type { ActionDefinition } from "../actions/definition.js";
import type { AnyCapabilityDefinition } from "../capabilities/kit/definition.js";
import { plainSchema } from "../json-schema/plain-schema.js";
import { CONNECTOR_VERSION } from "../version.js";

/** `warnings`: the input properties a capability ignored (docs/connector-service.md#davinci-output). */
const WARNINGS_SCHEMA = {
  type: "array",
  description:
    "The input properties the capability neither declares nor maps from a legacy name: accepted and not used. Present only when there are some.",
  items: {
    type: "object",
    required: ["path", "keyword", "message"],
    properties: {
      path: { type: "string", description: "JSON Pointer into the input as sent" },
      keyword: { const: "ignoredProperty" },
      message: { type: "string", examples: ["ignored property: population"] },
    },
  },
};

const warningsRef = { $ref: "#/components/schemas/Warnings" };

const ERROR_SCHEMA = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", description: "The capability's error key, or a service error code" },
        message: { type: "string" },
        httpResponseCode: { type: "integer" },
        details: { type: "array", items: { type: "object" } },
        output: { type: "object" },
        problems: {
          type: "array",
          items: {
            type: "object",
            properties: {
              path: { type: "string" },
              keyword: { type: "string" },
              message: { type: "string" },
            },
          },
        },
        correlationId: { type: "string" },
      },
    },
    warnings: warningsRef,
  },
};

const HEALTH_SCHEMA = {
  type: "object",
  required: ["status", "version"],
  properties: {
    status: { enum: ["ok", "draining", "unavailable"] },
    version: { type: "string" },
    connection: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string" },
        message: { type: "string" },
        httpResponseCode: { type: "integer" },
      },
    },
  },
};

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

/**
 * Node's HTTP parser answers a request it cannot parse with a bare 400 before any route runs; it
 * is the one client error `/healthz` can give.
 */
const MALFORMED_REQUEST = {
  "400": { description: "A malformed HTTP request, refused by the HTTP server before any route (no body)" },
};

/** The answers every route but `/healthz` can give before it runs. */
const COMMON_RESPONSES = {
  "400": errorResponse("Malformed JSON, or an input that fails validation (every problem listed)"),
  "401": errorResponse("Missing or wrong API key"),
};

/** The service's OpenAPI 3.1 document, generated from the capability and action registries. */
export function buildOpenApiDocument(
  capabilities: readonly AnyCapabilityDefinition[],
  actions: readonly ActionDefinition[],
): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const capability of capabilities) {
    paths[`/capabilities/${capability.id}`] = { post: capabilityOperation(capability) };
  }
  for (const action of actions) paths[`/actions/${action.name}`] = { post: actionOperation(action) };
  Object.assign(paths, servicePaths());
  return {
    openapi: "3.1.0",
    info: {
      title: "pingone-connector service",
      version: CONNECTOR_VERSION,
      description:
        "The PingOne DaVinci connector's capabilities and the Swimlane PingOne Identity actions over HTTP. Send `Authorization: Bearer <PINGONE_CONNECTOR_API_KEY>`; `/healthz` needs no key, and on a loopback host neither do this document and `/docs`.",
    },
    // Relative: the document is served by the service it describes, at whatever address.
    servers: [{ url: "/", description: "This service" }],
    security: [{ apiKey: [] }],
    paths,
    components: {
      securitySchemes: { apiKey: { type: "http", scheme: "bearer" } },
      schemas: { Error: ERROR_SCHEMA, Warnings: WARNINGS_SCHEMA },
    },
  };
}

function capabilityOperation(capability: AnyCapabilityDefinition) {
  const input = plainSchema(capability.input);
  return {
    operationId: capability.id,
    summary: capability.title,
    description: `${capability.description}\n\nError keys: ${Object.entries(capability.errors)
      .map(([key, meaning]) => `\`${key}\` (${meaning})`)
      .join(", ")}.`,
    tags: ["DaVinci capabilities"],
    parameters: [
      {
        name: "dryRun",
        in: "query",
        required: false,
        schema: { type: "boolean" },
        description:
          "Return the PingOne requests the call would make, without sending them (`{ dryRun, capability, complete, requests, warnings, pendingOn?, error? }`)",
      },
    ],
    requestBody: {
      required: true,
      content: {
        "application/json": {
          // Flat or DaVinci-wrapped, as the connector accepts both.
          schema: {
            oneOf: [input, { type: "object", required: ["properties"], properties: { properties: input } }],
          },
          ...(capability.examples[0] === undefined ? {} : { example: capability.examples[0] }),
        },
      },
    },
    responses: capabilityResponses(capability),
  };
}

function capabilityResponses(capability: AnyCapabilityDefinition) {
  return {
    "200": {
      description: "The capability succeeded",
      content: {
        "application/json": {
          schema: {
            type: "object",
            required: ["eventName", "output"],
            properties: {
              eventName: { const: "continue" },
              output: plainSchema(capability.output),
              warnings: warningsRef,
            },
          },
        },
      },
    },
    ...COMMON_RESPONSES,
    "404": errorResponse("Unknown capability, or a PingOne resource not found"),
    "4XX": errorResponse("The capability failed; `code` is its error key, the status PingOne's"),
    "502": errorResponse(
      "PingOne refused the worker credentials or roles (`accessFailed`), could not be reached (`connectionFailed`), or gave no error status",
    ),
    "504": errorResponse("The call was cut short by the service's request timeout"),
    "5XX": errorResponse("PingOne failed (its 5xx status)"),
  };
}

function actionOperation(action: ActionDefinition) {
  return {
    operationId: action.name,
    summary: action.title,
    description: `${action.description}\n\nPingOne call: \`${action.method} ${action.endpoint}\`. Every PingOne answer, 4xx and 5xx included, comes back with status 200 in the envelope.`,
    tags: ["Swimlane actions"],
    parameters: [
      {
        name: "envelope",
        in: "query",
        required: false,
        schema: { enum: ["object", "array"], default: "object" },
        description: "The envelope as a bare object (default), or wrapped in a one-element array",
      },
    ],
    requestBody: {
      required: true,
      content: { "application/json": { schema: plainSchema(action.inputSchema) } },
    },
    responses: {
      "200": {
        description: "PingOne's answer in the Swimlane envelope",
        content: { "application/json": { schema: plainSchema(action.outputSchema) } },
      },
      ...COMMON_RESPONSES,
      "404": errorResponse("Unknown action"),
      "502": errorResponse(
        "PingOne refused the worker credentials (`accessFailed`) or could not be reached (`connectionFailed`)",
      ),
      "504": errorResponse("The call was cut short by the service's request timeout"),
    },
  };
}

/** The catalog, health and metrics routes (the document and the page do not describe themselves). */
function servicePaths() {
  return {
    "/capabilities": {
      get: {
        operationId: "listCapabilities",
        summary: "Every capability and action, with its schemas",
        tags: ["Service"],
        responses: {
          "200": { description: "The registry", content: { "application/json": {} } },
          ...COMMON_RESPONSES,
        },
      },
    },
    "/healthz": {
      get: {
        operationId: "health",
        summary: "Health: the service and its PingOne connection (no key needed)",
        tags: ["Service"],
        security: [],
        responses: {
          "200": {
            description: "`status` is `ok`, or `draining` during shutdown",
            content: { "application/json": { schema: HEALTH_SCHEMA } },
          },
          ...MALFORMED_REQUEST,
          "503": {
            description:
              "`status` is `unavailable`: PingOne issues the worker no token; `connection` says why (`accessFailed`, `connectionFailed`, ...)",
            content: { "application/json": { schema: HEALTH_SCHEMA } },
          },
        },
      },
    },
    "/metrics": {
      get: {
        operationId: "metrics",
        summary: "Prometheus metrics: calls, errors, latency per capability, PingOne retries, token requests",
        tags: ["Service"],
        responses: {
          "200": { description: "Prometheus text format", content: { "text/plain": {} } },
          "401": errorResponse("Missing or wrong API key"),
        },
      },
    },
  };
}

import type { ActionDefinition } from "../actions/definition.js";
import type { AnyCapabilityDefinition } from "../capabilities/kit/definition.js";
import { plainSchema } from "../json-schema/plain-schema.js";
import { CONNECTOR_VERSION } from "../version.js";

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
  },
};

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

/** The answers every route but `/healthz` can give before it runs. */
const COMMON_RESPONSES = {
  "400": errorResponse("Malformed JSON, or an input that fails validation (every problem listed)"),
  "401": errorResponse("Missing or wrong API key"),
};

/** Routes a service serves only when its operator turns them on. */
export interface OptionalRoutes {
  /** `GET /sign-on/kerberos` (serve --kerberos-sign-on). */
  kerberosSignOn?: boolean;
}

/** The service's OpenAPI 3.1 document, generated from the capability and action registries. */
export function buildOpenApiDocument(
  capabilities: readonly AnyCapabilityDefinition[],
  actions: readonly ActionDefinition[],
  optional: OptionalRoutes = {},
): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const capability of capabilities) {
    paths[`/capabilities/${capability.id}`] = { post: capabilityOperation(capability) };
  }
  for (const action of actions) paths[`/actions/${action.name}`] = { post: actionOperation(action) };
  Object.assign(paths, servicePaths());
  if (optional.kerberosSignOn) paths["/sign-on/kerberos"] = { get: kerberosSignOnOperation() };
  return {
    openapi: "3.1.0",
    info: {
      title: "pingone-connector service",
      version: CONNECTOR_VERSION,
      description:
        "The PingOne DaVinci connector's capabilities and the Swimlane PingOne Identity actions over HTTP. Send `Authorization: Bearer <PINGONE_CONNECTOR_API_KEY>`.",
    },
    security: [{ apiKey: [] }],
    paths,
    components: {
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer" },
        ...(optional.kerberosSignOn ? { negotiate: { type: "http", scheme: "negotiate" } } : {}),
      },
      schemas: { Error: ERROR_SCHEMA },
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
        description: "Return the PingOne requests the call would make, without sending them",
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
            properties: { eventName: { const: "continue" }, output: plainSchema(capability.output) },
          },
        },
      },
    },
    ...COMMON_RESPONSES,
    "404": errorResponse("Unknown capability, or a PingOne resource not found"),
    "4XX": errorResponse("The capability failed; `code` is its error key"),
    "5XX": errorResponse("PingOne failed or could not be reached"),
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
      "502": errorResponse("PingOne could not be reached, or refused the worker credentials"),
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
        summary: "Liveness (no key needed)",
        tags: ["Service"],
        security: [],
        responses: { "200": { description: "The service is up" } },
      },
    },
    "/metrics": {
      get: {
        operationId: "metrics",
        summary: "Prometheus metrics: calls, errors, latency per capability, PingOne retries, token requests",
        tags: ["Service"],
        responses: { "200": { description: "Prometheus text format", content: { "text/plain": {} } } },
      },
    },
  };
}

/** docs/connector-service.md#kerberos-sign-on */
function kerberosSignOnOperation() {
  const outcome = (description: string) => ({
    description,
    content: {
      "application/json": { schema: { $ref: "#/components/schemas/Error" } },
      "text/html": { schema: { type: "string" } },
    },
  });
  return {
    operationId: "kerberosSignOn",
    summary: "Kerberos sign-on (HTTP Negotiate): kerberosAuthentication with the browser's SPNEGO token",
    description:
      "Without `Authorization: Negotiate <token>`, answers 401 with `WWW-Authenticate: Negotiate`, and a browser holding a Kerberos ticket for `HTTP/<this host>` retries with its token. The outcome is kerberosAuthentication's DaVinci result (JSON), or an HTML page when the client prefers `text/html`. The gateway, user type and `createUserIfNotFound` are the operator's (serve --kerberos-sign-on); the API key is not needed. Responses are `Cache-Control: no-store`.",
    tags: ["Sign-on"],
    security: [{ negotiate: [] }],
    responses: {
      "200": {
        description: "Signed on: `output.user`, `output.kerberosPrincipal`, `output.userCreated`",
        content: {
          "application/json": { schema: { type: "object" } },
          "text/html": { schema: { type: "string" } },
        },
      },
      "401": {
        ...outcome("kerberosTicketMissing (no token) or kerberosTicketInvalid (refused token)"),
        headers: { "WWW-Authenticate": { schema: { type: "string", const: "Negotiate" } } },
      },
      "404": outcome(
        "noUserMatch (the principal is under no selected user type, or has no PingOne user) or notFound (gateway, user type)",
      ),
      "409": outcome("multipleUserMatch: more than one directory entry matches the principal"),
      "413": outcome("kerberosTicketInvalid: the token is over the size limit (its size in details)"),
      "500": outcome("unexpectedError: the connector cannot validate tickets or reach the directory"),
    },
  };
}

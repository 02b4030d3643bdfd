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
    if (capability.userView) {
      paths[`/capabilities/${capability.id}/continue`] = { post: continuationOperation(capability) };
    }
  }
  for (const action of actions) paths[`/actions/${action.name}`] = { post: actionOperation(action) };
  Object.assign(paths, servicePaths());
  paths["/sign-on/kerberos"] = { get: kerberosSignOnOperation() };
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
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer" },
        negotiate: { type: "http", scheme: "negotiate" },
      },
      schemas: { Error: ERROR_SCHEMA, Warnings: WARNINGS_SCHEMA },
    },
  };
}

const DRY_RUN_PARAMETER = {
  name: "dryRun",
  in: "query",
  required: false,
  schema: { type: "boolean" },
  description:
    "Return the PingOne requests the call would make, without sending them (`{ dryRun, capability, complete, requests, warnings, pendingOn?, error? }`)",
};

function errorKeys(capability: AnyCapabilityDefinition): string {
  return Object.entries(capability.errors)
    .map(([key, meaning]) => `\`${key}\` (${meaning})`)
    .join(", ");
}

function capabilityOperation(capability: AnyCapabilityDefinition) {
  const input = plainSchema(capability.input);
  return {
    operationId: capability.id,
    summary: capability.title,
    description: `${capability.description}\n\nError keys: ${errorKeys(capability)}.`,
    tags: ["DaVinci capabilities"],
    parameters: [DRY_RUN_PARAMETER],
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
  const view = capability.userView;
  if (!view) return outputResponses(capability);
  return {
    ...outputResponses(capability),
    "200": {
      description: `The screen to show (DaVinci sendUserView); POST the person's submission to /capabilities/${capability.id}/continue`,
      content: {
        "application/json": {
          schema: {
            type: "object",
            required: ["action", "payload"],
            properties: {
              action: { const: "sendUserView" },
              payload: {
                type: "object",
                required: ["id", "properties"],
                properties: { id: { const: view.id }, properties: plainSchema(view.view) },
              },
            },
          },
        },
      },
    },
  };
}

/** `POST /capabilities/{id}/continue`: a user-view capability's continuation (DaVinci `<id>_continue`). */
function continuationOperation(capability: AnyCapabilityDefinition) {
  const view = capability.userView!;
  const submission = plainSchema(view.submission);
  return {
    operationId: `${capability.id}_continue`,
    summary: `${capability.title}: the person's submission`,
    description: `Continues ${capability.id} with what the person submitted to its screen, and answers the capability's result.\n\nError keys: ${errorKeys(capability)}.`,
    tags: ["DaVinci capabilities"],
    parameters: [DRY_RUN_PARAMETER],
    requestBody: {
      required: true,
      content: {
        "application/json": {
          // Flat or as DaVinci sends it to <id>_continue.
          schema: {
            oneOf: [
              submission,
              { type: "object", required: ["parameters"], properties: { parameters: submission } },
            ],
          },
          ...(view.examples[0] === undefined ? {} : { example: view.examples[0] }),
        },
      },
    },
    responses: outputResponses(capability),
  };
}

function outputResponses(capability: AnyCapabilityDefinition) {
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

/**
 * The page for people (docs/connector-service.md#sign-on-page): no API key, and served only when
 * the service runs with `--sign-on-form`.
 */
function signOnPath() {
  const page = { "text/html": {}, "application/json": {} };
  return {
    get: {
      operationId: "signOnPage",
      summary: "The sign-on page (served only with --sign-on-form; no key)",
      description:
        "The PingOne form with its theme as HTML, with a CSRF token bound to the `pingone_sign_on` cookie. `Accept: application/json` gives `{ userView, csrfToken }` instead.",
      tags: ["Sign-on page"],
      security: [],
      responses: {
        "200": { description: "The form", content: page },
        "429": {
          description: "PingOne rate-limited the form or theme read; with its Retry-After",
          content: page,
        },
        "503": { description: "The form or theme cannot be read from PingOne", content: page },
      },
    },
    post: {
      operationId: "signOnSubmit",
      summary: "Submit the sign-on form (served only with --sign-on-form; no key)",
      description:
        "Fields `csrf`, `username`, `password`, `buttonValue`. The outcome: a page, `{ outcome, method, buttonValue, user, passwordStatus, signedOutcome }` for `Accept: application/json`, or a 303 to the return URL with `signOnOutcome`. Failures show the form again with `passwordNotValid` (wrong password, unknown, disabled or passwordless user alike), `passwordLockedOut`, `invalidInput`, `requestLimited` or `unavailable`.",
      tags: ["Sign-on page"],
      security: [],
      requestBody: {
        required: true,
        content: {
          "application/x-www-form-urlencoded": {
            schema: {
              type: "object",
              required: ["csrf"],
              properties: {
                csrf: { type: "string" },
                username: { type: "string" },
                password: { type: "string", format: "password" },
                buttonValue: { type: "string", default: "submit" },
              },
            },
          },
        },
      },
      responses: {
        "200": { description: "Signed on, or another button pressed", content: page },
        "303": { description: "To the return URL, with the signed outcome in `signOnOutcome`" },
        "400": { description: "Not signed on: the form again, with the reason", content: page },
        "403": {
          description:
            "The CSRF token is missing, expired, of another cookie, or the request came from another site",
          content: page,
        },
        "413": { description: "The fields exceed 16 KiB" },
        "415": { description: "Not application/x-www-form-urlencoded" },
        "429": { description: "PingOne is rate-limiting sign-ons", content: page },
        "503": { description: "PingOne could not be reached", content: page },
      },
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
    "/sign-on": signOnPath(),
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
    summary:
      "Kerberos sign-on (served only with --kerberos-sign-on; no key): kerberosAuthentication with the browser's SPNEGO token",
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

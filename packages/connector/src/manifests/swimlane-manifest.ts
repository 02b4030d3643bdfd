import { stringify } from "yaml";
import type { ActionDefinition } from "../actions/definition.js";
import { plainSchema } from "../json-schema/plain-schema.js";
import { CONNECTOR_VERSION } from "../version.js";

/**
 * Turbine's YAML key names (`schema`, `inputs`, `output`, ...) are inferred, not published: they
 * live only in this file, to be corrected in one place (docs/connector-service.md#swimlane-connector-files).
 */
const ASSET_NAME = "pingone_authentication";

/**
 * The Swimlane Turbine connector: `connector.yaml`, the "PingOne Authentication" asset and one
 * YAML per action, as relative paths → file contents (docs/connector-service.md#swimlane-connector-files).
 */
export function buildSwimlaneFiles(actions: readonly ActionDefinition[]): Map<string, string> {
  const files = new Map<string, string>();
  files.set("connector.yaml", yaml(connectorDocument(actions)));
  files.set(`config/assets/${ASSET_NAME}.yaml`, yaml(ASSET_DOCUMENT));
  for (const action of actions) files.set(`config/actions/${action.name}.yaml`, yaml(actionDocument(action)));
  return files;
}

function connectorDocument(actions: readonly ActionDefinition[]): Record<string, unknown> {
  return {
    schema: "connector/1",
    name: "pingone_identity",
    title: "PingOne Identity",
    vendor: "Ping Identity",
    product: "PingOne",
    version: CONNECTOR_VERSION,
    description:
      "PingOne Identity: environments, users, group memberships, sessions, linked accounts, role assignments, account lock and unlock.",
    keywords: ["PingOne", "Ping Identity", "identity", "IAM", "users"],
    runtime: "node_18",
    assets: [ASSET_NAME],
    actions: actions.map((action) => action.name),
  };
}

/** The product page's asset: camelCase credential names, unlike Swimlane's generic OAuth asset. */
const ASSET_DOCUMENT = {
  schema: "asset/1",
  name: ASSET_NAME,
  title: "PingOne Authentication",
  description:
    "The PingOne asset requires a host URL, clientId, clientSecret, and an environmentId to authenticate.",
  inputs: {
    type: "object",
    properties: {
      url: { type: "string", title: "URL", description: "A URL to the target host", format: "uri" },
      clientId: { type: "string", title: "Client ID", description: "Client ID" },
      clientSecret: {
        type: "string",
        title: "Client Secret",
        description: "Client Secret",
        format: "password",
      },
      environmentId: { type: "string", title: "Environment ID", description: "Environment ID" },
      verify_ssl: {
        type: "boolean",
        title: "Verify SSL",
        description: "Verify SSL certificate",
        default: true,
      },
      http_proxy: {
        type: "string",
        title: "HTTP Proxy",
        description: "A proxy to route requests through",
      },
    },
    required: ["url", "clientId", "clientSecret", "environmentId"],
  },
  meta: { asset_type: "custom" },
};

function actionDocument(action: ActionDefinition): Record<string, unknown> {
  return {
    schema: "action/1",
    title: action.title,
    name: action.name,
    description: action.description,
    method: action.method,
    endpoint: action.endpoint,
    asset: ASSET_NAME,
    ...(action.defaultContentType ? { headers: { "Content-Type": action.defaultContentType } } : {}),
    inputs: plainSchema(action.inputSchema),
    output: plainSchema(action.outputSchema),
  };
}

function yaml(document: Record<string, unknown>): string {
  return stringify(document, { lineWidth: 0, sortMapEntries: false });
}

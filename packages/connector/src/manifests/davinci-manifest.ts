import type { AnyCapabilityDefinition, PropertyUi } from "../capabilities/kit/definition.js";
import { REGION_CODES, REGIONS } from "../config/regions.js";
import { plainSchema } from "../json-schema/plain-schema.js";
import { CONNECTOR_VERSION } from "../version.js";

/** A DaVinci connector property (docs/connector-service.md#davinci-manifest). */
interface ManifestProperty {
  displayName?: string;
  info?: string;
  preferredControlType: string;
  type?: string;
  required?: boolean;
  enableParameters?: boolean;
  options?: { name: string; value: string }[];
  enum?: string[];
  value?: unknown;
  secure?: boolean;
}

/**
 * The connection panel, with DaVinci's own property names for the worker app
 * (docs/connector-service.md#davinci-manifest).
 */
const CONNECTION_PROPERTIES: Record<string, ManifestProperty> = {
  envRegionInfo: {
    preferredControlType: "label",
    info: "The default PingOne environment is configured automatically.",
  },
  envId: {
    displayName: "Environment ID",
    preferredControlType: "textField",
    type: "string",
    required: true,
    info: "UUID of the PingOne environment that holds the worker application.",
  },
  clientId: {
    displayName: "Client ID",
    preferredControlType: "textField",
    type: "string",
    required: true,
    info: "Client ID of the worker application (Identity Data Admin and Environment Admin roles).",
  },
  clientSecret: {
    displayName: "Client Secret",
    preferredControlType: "textField",
    type: "string",
    required: true,
    secure: true,
    info: "Client secret of the worker application (token endpoint authentication: Client secret basic).",
  },
  region: {
    displayName: "Region",
    preferredControlType: "dropDown",
    type: "string",
    required: true,
    value: "NA",
    options: REGION_CODES.map((code) => ({ name: REGIONS[code].name, value: code })),
    enum: [...REGION_CODES],
  },
  gatewayDirectories: {
    displayName: "Gateway Directories",
    preferredControlType: "textArea",
    type: "string",
    required: false,
    secure: true,
    info: 'Optional, for Migrate User through Gateway, Update User through Gateway and Authenticate User via Kerberos: JSON keyed by gateway ID, e.g. {"<gatewayId>": {"url": "ldaps://ds.example.com:636", "bindDn": "uid=pingone,dc=example,dc=com", "bindPassword": "..."}} (also tls.rejectUnauthorized, tls.ca, timeoutMs, connectTimeoutMs). PingOne does not let a worker application validate credentials through a gateway, so the connector reaches each directory itself.',
  },
  kerberos: {
    displayName: "Kerberos",
    preferredControlType: "textArea",
    type: "string",
    required: false,
    secure: true,
    info: `Optional, for Authenticate User via Kerberos: JSON, e.g. {"keytab": "/etc/pingone-connector/http.keytab", "servicePrincipal": "HTTP/sso.example.com@EXAMPLE.COM"} (also acceptedRealms, userFilter, default "(uid=\${user})", and maxTokenLength). PingOne validates Kerberos tickets only inside its own sign-on flows, so the connector validates them itself with the keytab of the service principal browsers ask tickets for.`,
  },
};

/**
 * The DaVinci connector manifest for `pingOneSSOConnector`, generated from the capability
 * registry: connection properties, every node property with its control type, and each
 * capability's flow panel, error keys, Input Schema and Output Schema.
 */
export function buildDaVinciManifest(
  capabilities: readonly AnyCapabilityDefinition[],
): Record<string, unknown> {
  const properties: Record<string, ManifestProperty> = { ...CONNECTION_PROPERTIES };
  const manifestCapabilities: Record<string, unknown> = {};
  for (const capability of capabilities) {
    const input = plainSchema(capability.input);
    const schemaProperties = (input.properties ?? {}) as Record<string, Record<string, unknown>>;
    for (const [name, ui] of Object.entries(capability.properties)) {
      // DaVinci keeps one global definition per property name; the first capability using it wins.
      if (!Object.hasOwn(properties, name)) properties[name] = toManifestProperty(ui, schemaProperties[name]);
    }
    manifestCapabilities[capability.id] = toManifestCapability(capability, input);
  }
  return {
    connectorId: "pingOneSSOConnector",
    name: "PingOne",
    description: "Find, create and manage PingOne users, passwords, groups, populations and account links.",
    serviceName: "pingone-sso-connector",
    connectorType: "pingOne",
    connectorCategories: [
      { name: "Authenticate", value: "authenticate" },
      { name: "Profile", value: "profile" },
    ],
    metadata: {
      colors: { canvas: "#B3282D", canvasText: "#FFFFFF", dark: "#8A1F23" },
      logos: { canvas: { imageFileName: "pingone.svg" } },
    },
    sections: [{ name: "General", value: "general", default: true }],
    flowSections: [{ name: "General", value: "general" }],
    properties,
    accountConfigView: {
      items: [
        "envRegionInfo",
        "envId",
        "clientId",
        "clientSecret",
        "region",
        "gatewayDirectories",
        "kerberos",
      ].map((propertyName) => ({
        propertyName,
      })),
    },
    capabilities: manifestCapabilities,
    manifestVersion: CONNECTOR_VERSION,
  };
}

/** A capability's flow panel, error keys, Input Schema (wrapped in `properties`) and Output Schema. */
function toManifestCapability(
  capability: AnyCapabilityDefinition,
  input: Record<string, unknown>,
): Record<string, unknown> {
  const example = capability.examples[0];
  const view = capability.userView;
  return {
    type: "action",
    title: capability.title,
    subTitle: capability.description,
    respondToUser: view !== undefined,
    apiEnabled: true,
    // The item layout is inferred: the templates name userViews but publish none (docs/connector-service.md#davinci-manifest).
    ...(view
      ? {
          userViews: [
            { id: view.id, properties: plainSchema(view.view), submission: plainSchema(view.submission) },
          ],
        }
      : {}),
    flowConfigView: { items: Object.keys(capability.properties).map((propertyName) => ({ propertyName })) },
    localizedErrors: { en: Object.fromEntries(Object.keys(capability.errors).map((key) => [key, ""])) },
    payloadInputSchema: {
      default: {
        type: "object",
        properties: { properties: input },
        ...(example === undefined ? {} : { example: { properties: example } }),
      },
    },
    localOutputSchema: { output: plainSchema(capability.output) },
  };
}

function toManifestProperty(ui: PropertyUi, schema: Record<string, unknown> | undefined): ManifestProperty {
  const control = ui.control;
  const property: ManifestProperty = {
    displayName: ui.displayName,
    preferredControlType: control,
    ...(ui.info === undefined ? {} : { info: ui.info }),
  };
  const type = schema?.type;
  if (typeof type === "string") property.type = type;
  if (control === "textField" || control === "textArea" || control === "variableInputList") {
    property.enableParameters = true;
  }
  if (ui.options) {
    property.options = ui.options;
    property.enum = ui.options.map((option) => option.value);
  }
  if (schema && "default" in schema) property.value = schema.default;
  if (ui.secret) property.secure = true;
  return property;
}

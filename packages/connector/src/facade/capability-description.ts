import type { TObject } from "@sinclair/typebox";
import type { ActionDefinition } from "../actions/definition.js";
import type { AnyCapabilityDefinition, PropertyUi } from "../capabilities/kit/definition.js";

/** A capability as `list()` shows it. */
export interface CapabilitySummary {
  id: string;
  title: string;
  description: string;
}

/** Everything the registry knows about one capability, as `describe()` shows it. */
export interface CapabilityDescription extends CapabilitySummary {
  inputSchema: TObject;
  outputSchema: TObject;
  properties: Record<string, PropertyUi>;
  errors: Record<string, string>;
  examples: unknown[];
  /** For a capability that shows a screen: the view's schema and what its continuation takes. */
  userView?: UserViewDescription;
}

/** The screen of a user-view capability and its continuation (docs/connector-capabilities.md#user-views). */
export interface UserViewDescription {
  id: string;
  viewSchema: TObject;
  submissionSchema: TObject;
  submissionExamples: unknown[];
}

/** A Swimlane action as `list` shows it. */
export interface ActionSummary {
  name: string;
  title: string;
  description: string;
}

/** One input of a Swimlane action, read off its input schema. */
export interface ActionParameter {
  /** The input group it belongs to: `path_parameters`, `parameters`, `headers` or `json_body`. */
  in: string;
  name: string;
  required: boolean;
  type?: string;
  description?: string;
  /** The only values accepted, when the schema fixes them (e.g. `include`). */
  allowedValues?: unknown[];
  default?: unknown;
}

/** A Swimlane action as `describe` and the service's catalog show it. */
export interface ActionDescription extends ActionSummary {
  method: ActionDefinition["method"];
  endpoint: string;
  /** Every input of every group, required ones marked, with their allowed values. */
  parameters: ActionParameter[];
  inputSchema: TObject;
  outputSchema: TObject;
}

/**
 * The public part of a capability: the one projection the library, the CLI and the service show
 * (docs/connector-service.md#describe-projection).
 */
export function describeCapability(capability: AnyCapabilityDefinition): CapabilityDescription {
  const description: CapabilityDescription = {
    ...summarizeCapability(capability),
    inputSchema: capability.input,
    outputSchema: capability.output,
    properties: capability.properties,
    errors: capability.errors,
    examples: capability.examples,
  };
  const view = capability.userView;
  if (view) {
    description.userView = {
      id: view.id,
      viewSchema: view.view,
      submissionSchema: view.submission,
      submissionExamples: view.examples,
    };
  }
  return description;
}

export function summarizeCapability({ id, title, description }: AnyCapabilityDefinition): CapabilitySummary {
  return { id, title, description };
}

export function summarizeAction({ name, title, description }: ActionDefinition): ActionSummary {
  return { name, title, description };
}

/** The public part of an action (its PingOne call and schemas, not its retry hints). */
export function describeAction(action: ActionDefinition): ActionDescription {
  const { method, endpoint, inputSchema, outputSchema } = action;
  return {
    ...summarizeAction(action),
    method,
    endpoint,
    parameters: actionParameters(inputSchema),
    inputSchema,
    outputSchema,
  };
}

interface SchemaNode {
  type?: string;
  description?: string;
  enum?: unknown[];
  default?: unknown;
  properties?: Record<string, SchemaNode>;
  required?: string[];
}

/** The fields of each input group, in schema order. */
function actionParameters(inputSchema: TObject): ActionParameter[] {
  const parameters: ActionParameter[] = [];
  for (const [group, schema] of Object.entries((inputSchema as SchemaNode).properties ?? {})) {
    const required = new Set(schema.required ?? []);
    for (const [name, field] of Object.entries(schema.properties ?? {})) {
      const parameter: ActionParameter = { in: group, name, required: required.has(name) };
      if (field.type !== undefined) parameter.type = field.type;
      if (field.description !== undefined) parameter.description = field.description;
      if (field.enum !== undefined) parameter.allowedValues = field.enum;
      if (field.default !== undefined) parameter.default = field.default;
      parameters.push(parameter);
    }
  }
  return parameters;
}

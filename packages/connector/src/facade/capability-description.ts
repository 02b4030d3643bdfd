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

/** A Swimlane action as the service's catalog shows it. */
export interface ActionDescription {
  name: string;
  title: string;
  description: string;
  method: ActionDefinition["method"];
  endpoint: string;
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

/** The public part of an action (its PingOne call and schemas, not its retry hints). */
export function describeAction(action: ActionDefinition): ActionDescription {
  const { name, title, description, method, endpoint, inputSchema, outputSchema } = action;
  return { name, title, description, method, endpoint, inputSchema, outputSchema };
}

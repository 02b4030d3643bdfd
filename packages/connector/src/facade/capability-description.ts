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
  return {
    ...summarizeCapability(capability),
    inputSchema: capability.input,
    outputSchema: capability.output,
    properties: capability.properties,
    errors: capability.errors,
    examples: capability.examples,
  };
}

export function summarizeCapability({ id, title, description }: AnyCapabilityDefinition): CapabilitySummary {
  return { id, title, description };
}

/** The public part of an action (its PingOne call and schemas, not its retry hints). */
export function describeAction(action: ActionDefinition): ActionDescription {
  const { name, title, description, method, endpoint, inputSchema, outputSchema } = action;
  return { name, title, description, method, endpoint, inputSchema, outputSchema };
}

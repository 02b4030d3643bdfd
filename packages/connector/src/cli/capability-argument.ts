import type { ActionDefinition } from "../actions/definition.js";
import { ACTIONS, findAction } from "../actions/index.js";
import { CAPABILITIES, findCapability } from "../capabilities/index.js";
import type { AnyCapabilityDefinition } from "../capabilities/kit/definition.js";
import { CliUsageError } from "./io.js";

export function capabilityOrUsageError(id: string): AnyCapabilityDefinition {
  const capability = findCapability(id);
  if (!capability) {
    throw new CliUsageError(
      `unknown capability "${id}"; run "pingone-connector list" to see them (e.g. ${CAPABILITIES[0]?.id})`,
    );
  }
  return capability;
}

export function actionOrUsageError(name: string): ActionDefinition {
  const action = findAction(name);
  if (!action) {
    throw new CliUsageError(
      `unknown action "${name}"; run "pingone-connector list" to see them (e.g. ${ACTIONS[0]?.name})`,
    );
  }
  return action;
}

/** A DaVinci capability (camelCase id) or a Swimlane action (snake_case name): the names never collide. */
export type Operation =
  | { kind: "capability"; capability: AnyCapabilityDefinition }
  | { kind: "action"; action: ActionDefinition };

export function operationOrUsageError(name: string): Operation {
  const capability = findCapability(name);
  if (capability) return { kind: "capability", capability };
  const action = findAction(name);
  if (action) return { kind: "action", action };
  throw new CliUsageError(
    `unknown capability or action "${name}"; run "pingone-connector list" to see them (e.g. ${CAPABILITIES[0]?.id} or ${ACTIONS[0]?.name})`,
  );
}

import type { AnyCapabilityDefinition } from "../capabilities/definition.js";
import { CAPABILITIES, findCapability } from "../capabilities/index.js";
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

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

import { CAPABILITIES } from "../capabilities/index.js";
import { ConnectorError } from "../errors/connector-error.js";

/** An id that is not in the registry. */
export class UnknownCapabilityError extends ConnectorError<"unknownCapability"> {
  readonly code = "unknownCapability";
  readonly capability: string;

  constructor(id: string) {
    super(`Unknown capability "${id}"; the capabilities are ${CAPABILITIES.map((c) => c.id).join(", ")}`);
    this.name = "UnknownCapabilityError";
    this.capability = id;
  }
}

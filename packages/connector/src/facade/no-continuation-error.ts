import { ConnectorError } from "../errors/connector-error.js";

/** A continuation asked of a capability that shows no screen, so has nothing to continue. */
export class NoContinuationError extends ConnectorError<"noContinuation"> {
  readonly code = "noContinuation";
  readonly capability: string;

  constructor(id: string, userViewCapabilities: readonly string[]) {
    super(
      `Capability "${id}" shows no user view, so it has no continuation; the capabilities that do are ${userViewCapabilities.join(", ")}`,
    );
    this.name = "NoContinuationError";
    this.capability = id;
  }
}

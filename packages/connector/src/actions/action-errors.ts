import { ConnectorError } from "../errors/connector-error.js";
import type { ValidationProblem } from "../input/problem.js";

/**
 * An action input refused before any call: Swimlane raises these as the action's `error`
 * instead of returning an envelope. Messages name fields, never their values.
 */
export class ActionInputError extends ConnectorError<"invalidInput"> {
  readonly code = "invalidInput";
  readonly action: string;
  readonly problems: ValidationProblem[];

  constructor(action: string, problems: ValidationProblem[]) {
    super(`Invalid input for ${action}: ${problems.map((p) => `${p.path} ${p.message}`).join("; ")}`);
    this.name = "ActionInputError";
    this.action = action;
    this.problems = problems;
  }
}

/** A name that is none of the ten actions. */
export class UnknownActionError extends ConnectorError<"unknownAction"> {
  readonly code = "unknownAction";
  readonly action: string;

  constructor(action: string, known: readonly string[]) {
    super(`Unknown action "${action}"; the actions are ${known.join(", ")}`);
    this.name = "UnknownActionError";
    this.action = action;
  }
}

import type { ErrorObject } from "ajv";
import { escapePointer, type ValidationProblem } from "../../input/problem.js";
import { validatorFor } from "../../input/validator.js";
import { illFormedStrings } from "../../input/well-formed.js";
import type { AnyCapabilityDefinition } from "./definition.js";

/** The input, unwrapped from DaVinci's `{ properties: {...} }` when it comes that way. */
export interface PreparedInput {
  value: Record<string, unknown>;
  problems: ValidationProblem[];
}

/**
 * Where DaVinci puts a step's input: a node's `properties`, or the `parameters` a user view's
 * submission arrives with at `<cap>_continue` (docs/connector-capabilities.md#user-views).
 */
export type DaVinciWrapper = "properties" | "parameters";

/**
 * Validates a capability input given flat or DaVinci-wrapped, after legacy names are mapped and
 * defaults applied. Every problem is reported, each with a JSON Pointer into the input as the
 * caller wrote it (so `/properties/identifier` for a wrapped input).
 */
export function prepareInput(
  definition: Pick<AnyCapabilityDefinition, "input" | "acceptLegacy">,
  input: unknown,
  wrapper: DaVinciWrapper = "properties",
): PreparedInput {
  const wrapped = isDaVinciWrapped(input, wrapper);
  const prefix = wrapped ? `/${wrapper}` : "";
  const raw = wrapped ? (input as Record<string, unknown>)[wrapper] : input;
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    return {
      value: {},
      problems: [{ path: prefix || "/", keyword: "type", message: "the input must be a JSON object" }],
    };
  }
  // Checked before anything else reads the input: no later step may see a string it cannot send.
  const illFormed = illFormedStrings(raw, prefix);
  if (illFormed.length > 0) return { value: {}, problems: illFormed };
  let value = structuredClone(raw) as Record<string, unknown>;
  if (definition.acceptLegacy) value = definition.acceptLegacy(value);
  const validate = validatorFor(definition.input);
  if (validate(value)) return { value, problems: [] };
  // An `if` error only says its `then` failed, which is reported on its own with a better path.
  const errors = (validate.errors ?? []).filter((error) => error.keyword !== "if");
  return { value, problems: errors.map((error) => toProblem(error, prefix)) };
}

/**
 * DaVinci wraps node properties as `{ properties: {...} }` and a submission as
 * `{ parameters: {...} }`; no capability or submission has a property of either name.
 */
function isDaVinciWrapped(input: unknown, wrapper: DaVinciWrapper): boolean {
  if (input === null || typeof input !== "object" || Array.isArray(input)) return false;
  const wrapped = (input as Record<string, unknown>)[wrapper];
  return wrapped !== null && typeof wrapped === "object" && !Array.isArray(wrapped);
}

function toProblem(error: ErrorObject, prefix: string): ValidationProblem {
  let path = error.instancePath;
  if (error.keyword === "required") {
    path += `/${escapePointer(String((error.params as { missingProperty: string }).missingProperty))}`;
  }
  const where = prefix + path || "/";
  return { path: where, keyword: error.keyword, message: describeProblem(error) };
}

function describeProblem(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required":
      return `${String(params.missingProperty)} is required`;
    case "enum":
      return `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    default:
      return error.message ?? "is invalid";
  }
}

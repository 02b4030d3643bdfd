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
 * Validates a capability input given flat or DaVinci-wrapped, after legacy names are mapped and
 * defaults applied. Every problem is reported, each with a JSON Pointer into the input as the
 * caller wrote it (so `/properties/identifier` for a wrapped input).
 */
export function prepareInput(definition: AnyCapabilityDefinition, input: unknown): PreparedInput {
  const wrapped = isDaVinciWrapped(input);
  const prefix = wrapped ? "/properties" : "";
  const raw = wrapped ? (input as { properties: unknown }).properties : input;
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
  return { value, problems: (validate.errors ?? []).map((error) => toProblem(error, prefix)) };
}

/** DaVinci wraps node properties as `{ properties: {...} }`; no capability has a property of that name. */
function isDaVinciWrapped(input: unknown): boolean {
  if (input === null || typeof input !== "object" || Array.isArray(input)) return false;
  const properties = (input as Record<string, unknown>).properties;
  return properties !== null && typeof properties === "object" && !Array.isArray(properties);
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

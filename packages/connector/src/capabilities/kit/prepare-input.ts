import type { ErrorObject } from "ajv";
import { escapePointer, type ValidationProblem } from "../../input/problem.js";
import { validatorFor } from "../../input/validator.js";
import type { InputWarning } from "../../input/warning.js";
import { illFormedStrings } from "../../input/well-formed.js";
import type { AnyCapabilityDefinition } from "./definition.js";

/** The input, unwrapped from DaVinci's `{ properties: {...} }` when it comes that way. */
export interface PreparedInput {
  value: Record<string, unknown>;
  problems: ValidationProblem[];
  /** The properties it ignores (docs/connector-capabilities.md#ignored-properties). */
  warnings: InputWarning[];
}

/**
 * Validates a capability input given flat or DaVinci-wrapped, after legacy names are mapped and
 * defaults applied (untouched toggles included). Every problem is reported, each with a JSON
 * Pointer into the input as the caller wrote it (so `/properties/identifier` for a wrapped
 * input), and so is every property the capability ignores.
 */
export function prepareInput(definition: AnyCapabilityDefinition, input: unknown): PreparedInput {
  const wrapped = isDaVinciWrapped(input);
  const prefix = wrapped ? "/properties" : "";
  const raw = wrapped ? (input as { properties: unknown }).properties : input;
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    return {
      value: {},
      problems: [{ path: prefix || "/", keyword: "type", message: "the input must be a JSON object" }],
      warnings: [],
    };
  }
  // Checked before anything else reads the input: no later step may see a string it cannot send.
  const illFormed = illFormedStrings(wrapped ? input : raw);
  if (illFormed.length > 0) return { value: {}, problems: illFormed, warnings: [] };
  const warnings = [
    ...(wrapped ? ignoredBesideProperties(input as Record<string, unknown>) : []),
    ...ignoredProperties(definition, raw as Record<string, unknown>, prefix),
  ];
  let value = structuredClone(raw) as Record<string, unknown>;
  if (definition.acceptLegacy) value = definition.acceptLegacy(value);
  setUntouchedToggles(definition, value);
  const validate = validatorFor(definition.input);
  if (validate(value)) return { value, problems: [], warnings };
  return { value, problems: (validate.errors ?? []).map((error) => toProblem(error, prefix)), warnings };
}

/**
 * DaVinci stores nothing for a toggle the designer never touched, and its value is then `false`
 * (docs/connector-capabilities.md#untouched-toggles): a required toggle that is absent is set so.
 */
function setUntouchedToggles(definition: AnyCapabilityDefinition, value: Record<string, unknown>): void {
  for (const name of requiredToggles(definition)) if (!Object.hasOwn(value, name)) value[name] = false;
}

const REQUIRED_TOGGLES = new WeakMap<AnyCapabilityDefinition, readonly string[]>();

function requiredToggles(definition: AnyCapabilityDefinition): readonly string[] {
  let names = REQUIRED_TOGGLES.get(definition);
  if (names === undefined) {
    const required = new Set(definition.input.required ?? []);
    names = Object.entries(definition.properties)
      .filter(([name, ui]) => ui.control === "toggleSwitch" && required.has(name))
      .map(([name]) => name);
    REQUIRED_TOGGLES.set(definition, names);
  }
  return names;
}

/**
 * The properties the capability neither declares (in its input schema or its node panel) nor
 * maps from a legacy name: accepted, since real flows carry them, and reported.
 */
function ignoredProperties(
  definition: AnyCapabilityDefinition,
  raw: Record<string, unknown>,
  prefix: string,
): InputWarning[] {
  return Object.keys(raw)
    .filter(
      (name) =>
        !Object.hasOwn(definition.input.properties, name) &&
        !Object.hasOwn(definition.properties, name) &&
        !definition.legacyNames.includes(name),
    )
    .map((name) => ignored(`${prefix}/${escapePointer(name)}`, name));
}

/** Beside DaVinci's `properties`, a wrapped input carries nothing a capability reads. */
function ignoredBesideProperties(input: Record<string, unknown>): InputWarning[] {
  return Object.keys(input)
    .filter((name) => name !== "properties")
    .map((name) => ignored(`/${escapePointer(name)}`, name));
}

function ignored(path: string, name: string): InputWarning {
  return { path, keyword: "ignoredProperty", message: `ignored property: ${name}` };
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

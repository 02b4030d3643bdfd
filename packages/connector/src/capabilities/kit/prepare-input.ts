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
 * Where DaVinci puts a step's input: a node's `properties`, or the `parameters` a user view's
 * submission arrives with at `<cap>_continue` (docs/connector-capabilities.md#user-views).
 */
export type DaVinciWrapper = "properties" | "parameters";

/**
 * What input preparation reads of a step: its schema and legacy mapping, and, for a capability's
 * first step, its node panel (toggles, UI-only names) and the legacy names it knows.
 */
export type InputStep = Pick<AnyCapabilityDefinition, "input"> &
  Partial<Pick<AnyCapabilityDefinition, "acceptLegacy" | "properties" | "legacyNames">>;

/**
 * Validates a capability input given flat or DaVinci-wrapped, after legacy names are mapped and
 * defaults applied (untouched toggles included). Every problem is reported, each with a JSON
 * Pointer into the input as the caller wrote it (so `/properties/identifier` for a wrapped
 * input), and so is every property the capability ignores.
 */
export function prepareInput(
  definition: InputStep,
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
      warnings: [],
    };
  }
  // Checked before anything else reads the input: no later step may see a string it cannot send.
  const illFormed = illFormedStrings(wrapped ? input : raw);
  if (illFormed.length > 0) return { value: {}, problems: illFormed, warnings: [] };
  const warnings = [
    ...(wrapped ? ignoredBesideWrapper(input as Record<string, unknown>, wrapper) : []),
    ...ignoredProperties(definition, raw as Record<string, unknown>, prefix),
  ];
  let value = structuredClone(raw) as Record<string, unknown>;
  if (definition.acceptLegacy) value = definition.acceptLegacy(value);
  setUntouchedToggles(definition, value);
  const validate = validatorFor(definition.input);
  if (validate(value)) return { value, problems: [], warnings };
  // An `if` error only says its `then` failed, which is reported on its own with a better path.
  const errors = (validate.errors ?? []).filter((error) => error.keyword !== "if");
  return { value, problems: errors.map((error) => toProblem(error, prefix)), warnings };
}

/**
 * DaVinci stores nothing for a toggle the designer never touched, and its value is then `false`
 * (docs/connector-capabilities.md#untouched-toggles): a required toggle that is absent is set so.
 */
function setUntouchedToggles(definition: InputStep, value: Record<string, unknown>): void {
  for (const name of requiredToggles(definition)) if (!Object.hasOwn(value, name)) value[name] = false;
}

const REQUIRED_TOGGLES = new WeakMap<InputStep, readonly string[]>();

function requiredToggles(definition: InputStep): readonly string[] {
  let names = REQUIRED_TOGGLES.get(definition);
  if (names === undefined) {
    const required = new Set(definition.input.required ?? []);
    names = Object.entries(definition.properties ?? {})
      .filter(([name, ui]) => ui.control === "toggleSwitch" && required.has(name))
      .map(([name]) => name);
    REQUIRED_TOGGLES.set(definition, names);
  }
  return names;
}

/**
 * The properties the step neither declares (in its input schema or its node panel) nor maps
 * from a legacy name: accepted, since real flows carry them, and reported.
 */
function ignoredProperties(
  definition: InputStep,
  raw: Record<string, unknown>,
  prefix: string,
): InputWarning[] {
  const panel = definition.properties ?? {};
  const legacy = definition.legacyNames ?? [];
  return Object.keys(raw)
    .filter(
      (name) =>
        !Object.hasOwn(definition.input.properties, name) &&
        !Object.hasOwn(panel, name) &&
        !legacy.includes(name),
    )
    .map((name) => ignored(`${prefix}/${escapePointer(name)}`, name));
}

/** Beside DaVinci's `properties` (or a submission's `parameters`), a wrapped input carries nothing a step reads. */
function ignoredBesideWrapper(input: Record<string, unknown>, wrapper: DaVinciWrapper): InputWarning[] {
  return Object.keys(input)
    .filter((name) => name !== wrapper)
    .map((name) => ignored(`/${escapePointer(name)}`, name));
}

function ignored(path: string, name: string): InputWarning {
  return { path, keyword: "ignoredProperty", message: `ignored property: ${name}` };
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

import { ownValue } from "../own-value.js";
import { ErrorMessages } from "./error-messages.js";
import { invalidData, type PingOneErrorDetail } from "./errors.js";

/** A parsed JSON object body (or seed entry). */
export type JsonObject = Record<string, unknown>;

/**
 * Declarative validation that speaks PingOne, for request bodies and seed entries alike: every problem
 * becomes one `details[]` entry whose `target` is the attribute path. Hand-rolled rather than Ajv because the emulator needs PingOne's
 * distinctions Ajv does not make (unknown vs read-only vs wrong type, `null` meaning "clear" on PATCH,
 * per-environment custom attributes) and would otherwise need a translation layer of the same size.
 */
export type FieldSpec =
  | {
      kind: "string";
      minLength?: number;
      maxLength?: number;
      pattern?: RegExp;
      allowed?: readonly string[];
      format?: "date-time";
    }
  | { kind: "boolean" }
  | { kind: "integer"; min?: number; max?: number }
  /** Any finite JSON number (PingOne's `number`/`float` attributes). */
  | { kind: "number"; min?: number; max?: number }
  | { kind: "stringArray"; minItems?: number; maxItems?: number; itemPattern?: RegExp }
  /**
   * An array of objects. With `items`, each entry is checked like a nested object (targets
   * `name[0].field`); without, the caller checks the entries one by one (seed lists).
   */
  | {
      kind: "objectArray";
      minItems?: number;
      maxItems?: number;
      items?: { fields: ObjectSpec; required?: readonly string[] };
    }
  | { kind: "object"; fields: ObjectSpec; required?: readonly string[] }
  /** Free-form JSON object (e.g. `customData`, gateway correlation attributes). */
  | { kind: "anyObject" }
  /** Returned by PingOne but never writable: sending it is a 400. */
  | { kind: "readOnly" };

export type ObjectSpec = Readonly<Record<string, FieldSpec>>;

export interface ValidationOptions {
  /** Top-level attributes that must be present and non-null. */
  required?: readonly string[];
  /** Extra top-level attributes accepted as strings (the environment's custom user attributes). */
  extraStringAttributes?: readonly string[];
  /** Where the object sits in the request (`password.external.gateway`): the prefix of every target. */
  at?: string;
}

/** Validates `body` against `spec`; throws INVALID_DATA listing every problem. */
export function assertValid(body: JsonObject, spec: ObjectSpec, options: ValidationOptions = {}): void {
  const details = collectProblems(body, spec, options);
  if (details.length > 0) throw invalidData(details);
}

/** The problems `assertValid` would report, for callers that add their own before refusing. */
export function validationProblems(
  body: JsonObject,
  spec: ObjectSpec,
  options: ValidationOptions = {},
): PingOneErrorDetail[] {
  return collectProblems(body, spec, options);
}

function collectProblems(
  body: JsonObject,
  spec: ObjectSpec,
  options: ValidationOptions = {},
): PingOneErrorDetail[] {
  const details: PingOneErrorDetail[] = [];
  const extras = new Set(options.extraStringAttributes ?? []);
  const effective: Record<string, FieldSpec> = { ...spec };
  for (const name of extras)
    if (!Object.hasOwn(effective, name)) effective[name] = { kind: "string", maxLength: 1024 };
  checkObject(
    body,
    effective,
    options.required ?? [],
    options.at === undefined ? "" : `${options.at}.`,
    details,
  );
  return details;
}

function checkObject(
  value: JsonObject,
  spec: ObjectSpec,
  required: readonly string[],
  prefix: string,
  details: PingOneErrorDetail[],
): void {
  for (const name of required) {
    const present = value[name];
    if (present === undefined || present === null || present === "") {
      details.push({ code: "REQUIRED_VALUE", target: prefix + name, message: ErrorMessages.requiredValue });
    }
  }
  for (const [name, fieldValue] of Object.entries(value)) {
    const target = prefix + name;
    const field = ownValue(spec, name);
    if (field === undefined) {
      details.push({ code: "INVALID_VALUE", target, message: ErrorMessages.unknownAttribute });
      continue;
    }
    if (field.kind === "readOnly") {
      details.push({ code: "INVALID_VALUE", target, message: ErrorMessages.readOnlyAttribute });
      continue;
    }
    // null means "absent" on create/replace and "clear" on PATCH; a required one was reported above.
    if (fieldValue === null) continue;
    checkField(fieldValue, field, target, details);
  }
}

function checkField(
  value: unknown,
  field: Exclude<FieldSpec, { kind: "readOnly" }>,
  target: string,
  details: PingOneErrorDetail[],
): void {
  const wrongType = (expected: string) =>
    details.push({ code: "INVALID_VALUE", target, message: ErrorMessages.wrongType(expected) });
  switch (field.kind) {
    case "string":
      if (typeof value !== "string") return void wrongType("a string");
      checkString(value, field, target, details);
      return;
    case "boolean":
      if (typeof value !== "boolean") wrongType("a boolean");
      return;
    case "integer":
      if (typeof value !== "number" || !Number.isInteger(value)) return void wrongType("an integer");
      checkRange(value, field, target, details);
      return;
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value)) return void wrongType("a number");
      checkRange(value, field, target, details);
      return;
    case "stringArray":
      if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) {
        return void wrongType("an array of strings");
      }
      checkItemCount(value, field, target, details);
      if (field.itemPattern !== undefined) {
        const pattern = field.itemPattern;
        value.forEach((item: string, index) => {
          if (!pattern.test(item)) {
            details.push({
              code: "INVALID_VALUE",
              target: `${target}[${index}]`,
              message: ErrorMessages.patternMismatch,
              innerError: { allowedPattern: pattern.source },
            });
          }
        });
      }
      return;
    case "objectArray":
      if (!Array.isArray(value)) return void wrongType("an array");
      value.forEach((item, index) => {
        if (!isObject(item)) {
          details.push({
            code: "INVALID_VALUE",
            target: `${target}[${index}]`,
            message: ErrorMessages.wrongType("an object"),
          });
        } else if (field.items !== undefined) {
          checkObject(item, field.items.fields, field.items.required ?? [], `${target}[${index}].`, details);
        }
      });
      checkItemCount(value, field, target, details);
      return;
    case "anyObject":
      if (!isObject(value)) wrongType("an object");
      return;
    case "object":
      if (!isObject(value)) return void wrongType("an object");
      checkObject(value, field.fields, field.required ?? [], `${target}.`, details);
      return;
  }
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function checkRange(
  value: number,
  field: Extract<FieldSpec, { kind: "integer" | "number" }>,
  target: string,
  details: PingOneErrorDetail[],
): void {
  if ((field.min !== undefined && value < field.min) || (field.max !== undefined && value > field.max)) {
    details.push({
      code: "OUT_OF_RANGE",
      target,
      message: ErrorMessages.wrongType(`between ${field.min ?? "-∞"} and ${field.max ?? "∞"}`),
      innerError: { rangeMinimumValue: field.min, rangeMaximumValue: field.max },
    });
  }
}

function checkItemCount(
  items: readonly unknown[],
  { minItems, maxItems }: { minItems?: number; maxItems?: number },
  target: string,
  details: PingOneErrorDetail[],
): void {
  if (minItems !== undefined && items.length < minItems) {
    details.push({
      code: items.length === 0 ? "REQUIRED_VALUE" : "INVALID_VALUE",
      target,
      message: ErrorMessages.wrongType(`at least ${minItems} item${minItems === 1 ? "" : "s"}`),
      innerError: { rangeMinimumValue: minItems },
    });
  }
  if (maxItems !== undefined && items.length > maxItems) {
    details.push({
      code: "SIZE_LIMIT_EXCEEDED",
      target,
      message: ErrorMessages.wrongType(`at most ${maxItems} items`),
      innerError: { maximumValue: maxItems },
    });
  }
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function checkString(
  value: string,
  field: Extract<FieldSpec, { kind: "string" }>,
  target: string,
  details: PingOneErrorDetail[],
): void {
  if (field.minLength !== undefined && value.length < field.minLength) {
    details.push({
      code: "INVALID_VALUE",
      target,
      message: ErrorMessages.tooShort(field.minLength),
      innerError: { rangeMinimumValue: field.minLength, rangeMaximumValue: field.maxLength },
    });
  }
  if (field.maxLength !== undefined && value.length > field.maxLength) {
    details.push({
      code: "INVALID_VALUE",
      target,
      message: ErrorMessages.tooLong(field.maxLength),
      innerError: { rangeMinimumValue: field.minLength ?? 0, rangeMaximumValue: field.maxLength },
    });
  }
  if (field.pattern !== undefined && !field.pattern.test(value)) {
    details.push({
      code: "INVALID_VALUE",
      target,
      message: ErrorMessages.patternMismatch,
      innerError: { allowedPattern: field.pattern.source },
    });
  }
  if (field.allowed !== undefined && !field.allowed.includes(value)) {
    details.push({
      code: "INVALID_VALUE",
      target,
      message: ErrorMessages.notOneOf,
      innerError: { allowedValues: [...field.allowed] },
    });
  }
  if (field.format === "date-time" && (!ISO_DATE_TIME.test(value) || Number.isNaN(Date.parse(value)))) {
    details.push({
      code: "INVALID_VALUE",
      target,
      message: ErrorMessages.wrongType("an ISO 8601 date-time"),
    });
  }
}

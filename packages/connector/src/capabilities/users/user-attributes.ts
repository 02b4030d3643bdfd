import { Type } from "@sinclair/typebox";
import { isAttributePath, setPath } from "../kit/attribute-path.js";
import { CapabilityError } from "../kit/capability-error.js";
import type { PropertyUi } from "../kit/definition.js";

/** One "Other Attributes" entry (`variableInputList`, docs/connector-capabilities.md#other-attributes). */
const AdditionalUserProperty = Type.Object({
  name: Type.String(),
  value: Type.Optional(Type.Unknown()),
  preferredDataType: Type.Optional(
    Type.Unsafe<"string" | "boolean" | "number" | "object" | "array">({
      type: "string",
      enum: ["string", "boolean", "number", "object", "array"],
    }),
  ),
});

export const ADDITIONAL_USER_PROPERTIES_INPUT = {
  additionalUserProperties: Type.Optional(Type.Array(AdditionalUserProperty, { default: [] })),
};

export const ADDITIONAL_USER_PROPERTIES_UI: Record<string, PropertyUi> = {
  additionalUserProperties: {
    displayName: "Other Attributes",
    control: "variableInputList",
    info: "Other PingOne user attributes: dotted paths (name.middle, address.locality) or custom attribute names.",
    uiOnly: true,
  },
};

/** The named user attributes createUser and updateUser share, with their display names. */
const PROFILE_ATTRIBUTES = {
  given: "Given Name",
  family: "Family Name",
  email: "Email",
  primaryPhone: "Primary Phone",
  mobilePhone: "Mobile Phone",
  preferredLanguage: "Preferred Language",
  locale: "Locale",
} as const;

export const PROFILE_INPUT = {
  given: Type.Optional(Type.String({ description: "Given Name" })),
  family: Type.Optional(Type.String({ description: "Family Name" })),
  email: Type.Optional(Type.String({ description: "Email" })),
  primaryPhone: Type.Optional(Type.String({ description: "Primary Phone" })),
  mobilePhone: Type.Optional(Type.String({ description: "Mobile Phone" })),
  preferredLanguage: Type.Optional(Type.String({ description: "Preferred Language" })),
  locale: Type.Optional(Type.String({ description: "Locale" })),
};

export const PROFILE_UI: Record<string, PropertyUi> = Object.fromEntries(
  Object.entries(PROFILE_ATTRIBUTES).map(([name, displayName]) => [
    name,
    { displayName, control: "textField" },
  ]),
);

/** Sets the named profile attributes that have a value; `given`/`family` go under `name`. */
export function applyProfile(
  body: Record<string, unknown>,
  input: Partial<Record<keyof typeof PROFILE_ATTRIBUTES, string>>,
) {
  for (const key of Object.keys(PROFILE_ATTRIBUTES) as (keyof typeof PROFILE_ATTRIBUTES)[]) {
    const value = input[key];
    if (value === undefined || value === "") continue;
    if (key === "given" || key === "family") setPath(body, `name.${key}`, value);
    else body[key] = value;
  }
}

/**
 * Merges "Other Attributes" into a request body after the named properties: values converted by
 * `preferredDataType`, empty names skipped, the last duplicate winning, forbidden names refused.
 */
export function applyAdditionalProperties(
  body: Record<string, unknown>,
  entries: ReadonlyArray<{ name: string; value?: unknown; preferredDataType?: string }> | undefined,
  forbidden: ReadonlySet<string>,
): void {
  for (const [index, entry] of (entries ?? []).entries()) {
    const name = entry.name.trim();
    if (name === "") continue;
    if (!isAttributePath(name)) {
      throw invalid(index, `"${name}" is not a PingOne attribute path`);
    }
    if (forbidden.has(name.split(".")[0]!)) {
      throw invalid(index, `${name} is read-only or set by its own capability`);
    }
    setPath(body, name, convert(entry.value, entry.preferredDataType, index));
  }
}

function convert(value: unknown, type: string | undefined, index: number): unknown {
  if (typeof value !== "string") return value;
  switch (type) {
    case "boolean":
      if (/^true$/i.test(value.trim())) return true;
      if (/^false$/i.test(value.trim())) return false;
      throw invalid(index, "value must be true or false");
    case "number": {
      const number = Number(value.trim());
      if (value.trim() === "" || !Number.isFinite(number)) throw invalid(index, "value must be a number");
      return number;
    }
    case "object":
    case "array": {
      let parsed: unknown;
      try {
        parsed = JSON.parse(value);
      } catch {
        throw invalid(index, `value must be JSON text of an ${type}`);
      }
      const ok =
        type === "array"
          ? Array.isArray(parsed)
          : parsed !== null && typeof parsed === "object" && !Array.isArray(parsed);
      if (!ok) throw invalid(index, `value must be JSON text of an ${type}`);
      return parsed;
    }
    default:
      return value;
  }
}

function invalid(index: number, problem: string): CapabilityError {
  return new CapabilityError("invalidInput", `additionalUserProperties/${index}: ${problem}`);
}

import type { EmulatorContext } from "../context.js";
import { deleteForm, type FormRecord, findForm, insertForm, updateForm } from "../store/forms.js";
import { AgreementMessages } from "./agreement-messages.js";
import { ErrorMessages } from "./error-messages.js";
import { invalidData, orNotFound, type PingOneErrorDetail } from "./errors.js";
import { assertValid, type JsonObject, type ObjectSpec } from "./validation.js";

/** The community spec's `EnumFormFieldType`. */
const FIELD_TYPES = [
  "TEXT",
  "PASSWORD",
  "PASSWORD_VERIFY",
  "PHONE_NUMBER",
  "RADIO",
  "CHECKBOX",
  "DROPDOWN",
  "COMBOBOX",
  "DIVIDER",
  "EMPTY_FIELD",
  "SLATE_TEXTBLOB",
  "SUBMIT_BUTTON",
  "ERROR_DISPLAY",
  "FLOW_LINK",
  "FLOW_BUTTON",
  "SOCIAL_LOGIN_BUTTON",
  "RECAPTCHA_V2",
  "QR_CODE",
  "DEVICE_ENROLLMENT",
  "DEVICE_REGISTRATION",
  "DEVICE_AUTHENTICATION",
  "POLLING",
  "FIDO2",
  "SINGLE_CHECKBOX",
  "AGREEMENT",
] as const;

/** Input fields carry `key` and `label` (the spec's `FormElement`); buttons and links their own. */
const INPUT_TYPES = new Set([
  "TEXT",
  "PASSWORD",
  "PASSWORD_VERIFY",
  "PHONE_NUMBER",
  "RADIO",
  "CHECKBOX",
  "DROPDOWN",
  "COMBOBOX",
  "SINGLE_CHECKBOX",
]);

/** Attributes each field type must carry beyond `type` and `position` (community `FormField*` schemas). */
function requiredFieldAttributes(type: string): string[] {
  if (INPUT_TYPES.has(type)) return type === "TEXT" ? ["key", "label", "validation"] : ["key", "label"];
  if (type === "FLOW_LINK" || type === "FLOW_BUTTON") return ["key", "label"];
  if (type === "SUBMIT_BUTTON") return ["label"];
  return [];
}

const FORM_SPEC: ObjectSpec = {
  name: { kind: "string", minLength: 1, maxLength: 255 },
  category: { kind: "string", allowed: ["CUSTOM"] },
  cols: { kind: "integer", min: 1, max: 4 },
  components: { kind: "anyObject" },
  languageBundle: { kind: "anyObject" },
  markOptional: { kind: "boolean" },
  markRequired: { kind: "boolean" },
  passwordAutoCompleteEnabled: { kind: "boolean" },
  textAutoCompleteEnabled: { kind: "boolean" },
  translationMethod: { kind: "string", allowed: ["TRANSLATE", "DEFAULT_VALUE", "KEY"] },
  id: { kind: "readOnly" },
  environment: { kind: "readOnly" },
  created: { kind: "readOnly" },
  modified: { kind: "readOnly" },
  fieldTypes: { kind: "readOnly" },
  _links: { kind: "readOnly" },
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Checks `components.fields`: each field's type, position and the attributes its type requires. */
function fieldProblems(components: Record<string, unknown>): PingOneErrorDetail[] {
  const details: PingOneErrorDetail[] = [];
  const fields = components.fields;
  if (!Array.isArray(fields)) {
    return [
      {
        code: "REQUIRED_VALUE",
        target: "components.fields",
        message: ErrorMessages.wrongType("an array of fields"),
      },
    ];
  }
  fields.forEach((field, index) => {
    const at = `components.fields[${index}]`;
    if (!isObject(field)) {
      details.push({ code: "INVALID_VALUE", target: at, message: ErrorMessages.wrongType("an object") });
      return;
    }
    if (!(FIELD_TYPES as readonly unknown[]).includes(field.type)) {
      details.push({
        code: "INVALID_VALUE",
        target: `${at}.type`,
        message: AgreementMessages.unknownFieldType,
        innerError: { allowedValues: [...FIELD_TYPES] },
      });
      return;
    }
    const position = field.position;
    const inRange = (value: unknown, min: number, max: number) =>
      Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
    if (!isObject(position) || !inRange(position.row, 0, 50) || !inRange(position.col, 0, 4)) {
      details.push({
        code: "INVALID_VALUE",
        target: `${at}.position`,
        message: ErrorMessages.wrongType("an object with an integer row (0-50) and col (0-4)"),
      });
    }
    for (const name of requiredFieldAttributes(field.type as string)) {
      const value = field[name];
      const wanted = name === "validation" ? isObject(value) : typeof value === "string" && value !== "";
      if (!wanted)
        details.push({
          code: "REQUIRED_VALUE",
          target: `${at}.${name}`,
          message: ErrorMessages.requiredValue,
        });
    }
  });
  return details;
}

/** The writable attributes of a create or replace body, validated. */
function formDocument(body: JsonObject): Record<string, unknown> {
  assertValid(body, FORM_SPEC, {
    required: ["name", "category", "components", "markOptional", "markRequired"],
  });
  const bundle = body.languageBundle;
  const details = fieldProblems(body.components as Record<string, unknown>);
  if (isObject(bundle) && Object.values(bundle).some((value) => typeof value !== "string")) {
    details.push({
      code: "INVALID_VALUE",
      target: "languageBundle",
      message: ErrorMessages.wrongType("a map of strings"),
    });
  }
  if (details.length > 0) throw invalidData(details);
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== null));
}

/** Validates a create body and stores the form, as `POST P/forms` does. Call inside a transaction. */
export function createForm(
  ctx: EmulatorContext,
  environmentId: string,
  body: JsonObject,
  id: string = crypto.randomUUID(),
): FormRecord {
  return insertForm(ctx.db, environmentId, formDocument(body), ctx.clock.now(), id);
}

/** The form named in the path, or 404 NOT_FOUND. */
export function requireForm(ctx: EmulatorContext, environmentId: string, formId: string): FormRecord {
  return orNotFound(findForm(ctx.db, environmentId, formId));
}

/** Replaces a form, as `PUT P/forms/{id}` does. Call inside a transaction. */
export function replaceForm(
  ctx: EmulatorContext,
  environmentId: string,
  formId: string,
  body: JsonObject,
): FormRecord {
  const existing = requireForm(ctx, environmentId, formId);
  const document = formDocument(body);
  updateForm(ctx.db, existing.id, document, ctx.clock.now());
  return requireForm(ctx, existing.environmentId, existing.id);
}

/** Deletes a form. Call inside a transaction. */
export function removeForm(ctx: EmulatorContext, environmentId: string, formId: string): void {
  deleteForm(ctx.db, requireForm(ctx, environmentId, formId).id);
}

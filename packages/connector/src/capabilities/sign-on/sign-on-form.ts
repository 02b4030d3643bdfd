import { CapabilityError } from "../kit/capability-error.js";
import { formText } from "./form-text.js";
import { type SignOnField, type SignOnView, SUBMIT } from "./sign-on-view.js";

interface FormField {
  type?: unknown;
  position?: { row?: unknown; col?: unknown };
  key?: unknown;
  label?: unknown;
  content?: unknown;
  required?: unknown;
}

/** Field types the sign-on view shows; the form's other fields have no place in a password sign-on. */
const SHOWN = new Set([
  "TEXT",
  "PASSWORD",
  "SUBMIT_BUTTON",
  "FLOW_BUTTON",
  "FLOW_LINK",
  "ERROR_DISPLAY",
  "SLATE_TEXTBLOB",
  "DIVIDER",
]);

/**
 * The sign-on view's form and buttons from a PingOne form resource
 * (docs/connector-capabilities.md#single-factor-sign-on): one TEXT field becomes the username
 * and one PASSWORD field the password (`user.username` and `user.password` first), the submit
 * button checks the password, and each flow button or link continues with its key as
 * `buttonValue`. A form without a username field, a password field or a submit button cannot
 * sign anyone on: `invalidValue`.
 */
export function signOnForm(form: Record<string, unknown>): Pick<SignOnView, "form" | "buttons"> {
  const bundle = isRecord(form.languageBundle) ? form.languageBundle : {};
  const components = isRecord(form.components) ? form.components : {};
  const all = (Array.isArray(components.fields) ? components.fields : []).filter(isRecord) as FormField[];
  const ordered = all
    .filter((field) => typeof field.type === "string" && SHOWN.has(field.type))
    .map((field, index) => ({ field, index, row: position(field, "row"), col: position(field, "col") }))
    .sort((a, b) => a.row - b.row || a.col - b.col || a.index - b.index);
  const username = pick(
    ordered.map((o) => o.field),
    "TEXT",
    ["user.username", "username"],
  );
  const password = pick(
    ordered.map((o) => o.field),
    "PASSWORD",
    ["user.password", "password"],
  );
  const textAutoComplete = form.textAutoCompleteEnabled !== false;
  const passwordAutoComplete = form.passwordAutoCompleteEnabled !== false;
  const fields: SignOnField[] = [];
  const buttons: SignOnView["buttons"] = [];
  for (const { field, row, col } of ordered) {
    const type = field.type as string;
    const base: SignOnField = { type, row, col };
    if (typeof field.key === "string" && field.key !== "") base.key = field.key;
    const label = formText(field.label, bundle);
    if (type === "TEXT" || type === "PASSWORD") {
      // Other inputs of the form have nowhere to go: the continuation takes a username and a password.
      if (field !== username && field !== password) continue;
      fields.push({
        ...base,
        label,
        required: true,
        submitAs: field === username ? "username" : "password",
        autoComplete: field === username ? textAutoComplete : passwordAutoComplete,
      });
    } else if (type === "SUBMIT_BUTTON" || type === "FLOW_BUTTON" || type === "FLOW_LINK") {
      const buttonValue = type === "SUBMIT_BUTTON" ? SUBMIT : base.key;
      // A flow button without a key, or a second button with a value already taken, cannot be told apart.
      if (buttonValue === undefined || buttons.some((b) => b.buttonValue === buttonValue)) continue;
      buttons.push({ buttonValue, label, type });
      fields.push({ ...base, label, buttonValue });
    } else if (type === "SLATE_TEXTBLOB") {
      fields.push({ ...base, text: formText(field.content, bundle) });
    } else {
      fields.push(base);
    }
  }
  const missing = [
    username ? undefined : "a TEXT field for the username",
    password ? undefined : "a PASSWORD field",
    buttons.some((b) => b.buttonValue === SUBMIT) ? undefined : "a SUBMIT_BUTTON",
  ].filter((part) => part !== undefined);
  if (missing.length > 0) {
    throw new CapabilityError(
      "invalidValue",
      `The form cannot sign anyone on: it has no ${missing.join(", no ")}`,
    );
  }
  return {
    form: {
      id: String(form.id ?? ""),
      ...(typeof form.name === "string" ? { name: form.name } : {}),
      markRequired: form.markRequired === true,
      markOptional: form.markOptional === true,
      fields,
    },
    buttons,
  };
}

/** The field of this type with the first preferred key, else the first of the type. */
function pick(fields: FormField[], type: string, keys: readonly string[]): FormField | undefined {
  const ofType = fields.filter((field) => field.type === type);
  for (const key of keys) {
    const found = ofType.find((field) => field.key === key);
    if (found) return found;
  }
  return ofType[0];
}

function position(field: FormField, axis: "row" | "col"): number {
  const value = field.position?.[axis];
  return Number.isInteger(value) ? (value as number) : 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

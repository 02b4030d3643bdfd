import type { SingleFactorSignOnView } from "../../capabilities/sign-on/single-factor-sign-on.js";
import { html, type SafeHtml } from "../html.js";
import type { PagePolicy } from "./page-security.js";
import { renderShell } from "./page-shell.js";

type View = SingleFactorSignOnView;
type Field = View["form"]["fields"][number];

/** What a re-shown form says: the username typed (never the password) and the errors to announce. */
export interface FormState {
  username?: string;
  /** The message for the whole form (wrong credentials, a lockout, an expired page). */
  formError?: string;
  fieldErrors?: Partial<Record<"username" | "password", string>>;
}

const FORM_ERROR_ID = "sign-on-error";

/**
 * The sign-on form as HTML (docs/connector-service.md#sign-on-page): the PingOne form's fields in
 * its order, every text escaped, labels bound to inputs, errors in a `role="alert"` region and
 * tied to their inputs with `aria-describedby`, and a plain POST that needs no script. Buttons
 * other than submit skip the browser's required-field check (`formnovalidate`).
 */
export function renderSignOnPage(
  view: View,
  csrfToken: string,
  state: FormState,
  formTargets: readonly string[],
): { page: string; policy: PagePolicy } {
  const alert = state.formError
    ? html`<div class="alert" role="alert" id="${FORM_ERROR_ID}">${state.formError}</div>`
    : "";
  // The alert goes where the form's first error display is, else at the top of the form.
  const errorDisplay = view.form.fields.find((field) => field.type === "ERROR_DISPLAY");
  const hasErrorDisplay = errorDisplay !== undefined;
  const focus = firstInvalid(state);
  const rows = groupByRow(view.form.fields).map((row) => {
    const cells = row.map((field) =>
      renderField(field, view, state, field === errorDisplay ? alert : "", focus),
    );
    return cells.length > 1 ? html`<div class="row">${cells}</div>` : cells;
  });
  const main = html`<h1>Sign On</h1>
<form method="post" action="sign-on"${state.formError ? html` aria-describedby="${FORM_ERROR_ID}"` : ""}>
<input type="hidden" name="csrf" value="${csrfToken}">
${hasErrorDisplay ? "" : alert}
${rows}
</form>`;
  const title = state.formError || state.fieldErrors ? `Error: ${errorSummary(state)} - Sign On` : "Sign On";
  return renderShell({ title, theme: view.theme, main }, formTargets);
}

function renderField(
  field: Field,
  view: View,
  state: FormState,
  alert: SafeHtml | "",
  focus: "username" | "password",
): SafeHtml | "" {
  switch (field.type) {
    case "TEXT":
    case "PASSWORD":
      return renderInput(field, view, state, focus);
    case "SUBMIT_BUTTON":
      return html`<div class="actions"><button type="submit" class="primary" name="buttonValue" value="${field.buttonValue}">${field.label}</button></div>`;
    case "FLOW_BUTTON":
      return html`<div class="actions"><button type="submit" class="secondary" name="buttonValue" value="${field.buttonValue}" formnovalidate>${field.label}</button></div>`;
    case "FLOW_LINK":
      return html`<div class="actions"><button type="submit" class="link" name="buttonValue" value="${field.buttonValue}" formnovalidate>${field.label}</button></div>`;
    case "ERROR_DISPLAY":
      return alert;
    case "SLATE_TEXTBLOB":
      return html`<div class="text">${(field.text ?? "").split("\n").map((line) => html`<p>${line}</p>`)}</div>`;
    case "DIVIDER":
      return html`<hr>`;
    default:
      return "";
  }
}

function renderInput(field: Field, view: View, state: FormState, focus: "username" | "password"): SafeHtml {
  const name = field.submitAs === "password" ? "password" : "username";
  const error = state.fieldErrors?.[name];
  const errorId = `${name}-error`;
  // A failed sign-on names no field; the password is what the person types again.
  const describedBy = error ? errorId : name === "password" && state.formError ? FORM_ERROR_ID : undefined;
  const autocomplete =
    field.autoComplete === false ? "off" : name === "password" ? "current-password" : "username";
  const mark = view.form.markRequired ? html`<span class="mark" aria-hidden="true">*</span>` : "";
  return html`<div class="field">
<label for="${name}">${field.label}${mark}</label>
<input id="${name}" name="${name}" type="${name === "password" ? "password" : "text"}" autocomplete="${autocomplete}" required${
    name === "username" && state.username ? html` value="${state.username}"` : ""
  }${error ? html` aria-invalid="true"` : ""}${describedBy ? html` aria-describedby="${describedBy}"` : ""}${
    focus === name ? html` autofocus` : ""
  }${name === "username" ? html` autocapitalize="none" spellcheck="false"` : ""}>
${error ? html`<p class="field-error" id="${errorId}">${error}</p>` : ""}
</div>`;
}

/** The input the cursor should start in: the first with an error, the password after a failed sign-on. */
function firstInvalid(state: FormState): "username" | "password" {
  if (state.fieldErrors?.username) return "username";
  if (state.fieldErrors?.password || state.formError) return state.username ? "password" : "username";
  return "username";
}

function errorSummary(state: FormState): string {
  return state.formError ?? Object.values(state.fieldErrors ?? {}).join(" ");
}

/** The fields in rows, in the form's order. */
function groupByRow(fields: readonly Field[]): Field[][] {
  const rows: Field[][] = [];
  for (const field of fields) {
    const last = rows.at(-1);
    if (last && last[0]!.row === field.row) last.push(field);
    else rows.push([field]);
  }
  return rows;
}

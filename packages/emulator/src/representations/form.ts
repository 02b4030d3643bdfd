import type { Context } from "hono";
import { toIsoTimestamp } from "../clock.js";
import { links } from "../http/hal.js";
import type { FormRecord } from "../store/forms.js";

/** The distinct field types of a form, in the order they first appear (read-only `fieldTypes`). */
function fieldTypes(document: Record<string, unknown>): string[] {
  const components = document.components as { fields?: { type?: unknown }[] } | undefined;
  const types = (components?.fields ?? []).map((field) => field.type).filter((t) => typeof t === "string");
  return [...new Set(types as string[])];
}

/** A form: the stored document plus its id, environment, timestamps and computed `fieldTypes`. */
export function formBody(c: Context, form: FormRecord) {
  return {
    _links: links(c, {
      self: `/environments/${form.environmentId}/forms/${form.id}`,
      environment: `/environments/${form.environmentId}`,
    }),
    id: form.id,
    environment: { id: form.environmentId },
    ...form.document,
    fieldTypes: fieldTypes(form.document),
    created: toIsoTimestamp(form.createdAt),
    modified: toIsoTimestamp(form.updatedAt),
  };
}

/**
 * HTML built by construction from escaped parts: every value interpolated into `html` is escaped
 * for text and for quoted attribute values, unless it is itself `SafeHtml` (a fragment built the
 * same way). Pages that show PingOne's texts (the sign-on page) or any input use it.
 */
export class SafeHtml {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

/** `html\`<p>${text}</p>\``: strings and numbers escaped, `SafeHtml` kept, arrays joined, `null`/`undefined`/`false` dropped. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? "";
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? "");
  });
  return new SafeHtml(out);
}

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  if (value === null || value === undefined || value === false) return "";
  return escapeHtml(String(value));
}

/** Escapes `& < > " '` (and so is safe in text and in quoted attribute values). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

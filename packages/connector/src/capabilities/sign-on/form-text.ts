/**
 * The plain text of a PingOne form text. The console stores labels and text blocks as rich-text
 * (Slate) JSON, `[{"type":"paragraph","children":[{"text":"Username"}]}]`; the API accepts any
 * string. A text that names an entry of the form's `languageBundle` is that entry's text.
 */
export function formText(value: unknown, languageBundle: Record<string, unknown> = {}): string {
  if (typeof value !== "string") return "";
  const translated = Object.hasOwn(languageBundle, value) ? languageBundle[value] : undefined;
  const text = typeof translated === "string" ? translated : value;
  const trimmed = text.trim();
  if (!trimmed.startsWith("[")) return text;
  let nodes: unknown;
  try {
    nodes = JSON.parse(trimmed);
  } catch {
    return text;
  }
  if (!Array.isArray(nodes)) return text;
  // Top-level nodes are blocks (paragraphs, headings): one line each.
  return nodes.map((node) => inlineText(node, 0)).join("\n");
}

/** The concatenated `text` leaves of a Slate node; a bound on depth keeps hostile JSON harmless. */
function inlineText(node: unknown, depth: number): string {
  if (depth > 32 || node === null || typeof node !== "object") return "";
  const { text, children } = node as { text?: unknown; children?: unknown };
  if (typeof text === "string") return text;
  if (!Array.isArray(children)) return "";
  return children.map((child) => inlineText(child, depth + 1)).join("");
}

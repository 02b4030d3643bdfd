import { escapeHtml } from "./html.js";

/**
 * A self-contained HTML reference rendered from the OpenAPI document: no script, no external
 * assets, so it works offline and behind strict content security policies.
 */
export function renderDocsPage(document: Record<string, unknown>): string {
  const info = document.info as { title: string; version: string; description: string };
  const paths = document.paths as Record<string, Record<string, Operation>>;
  const groups = new Map<string, string[]>();
  for (const [path, operations] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const tag = operation.tags?.[0] ?? "Other";
      const section = groups.get(tag) ?? [];
      section.push(renderOperation(method, path, operation));
      groups.set(tag, section);
    }
  }
  const toc = [...groups.keys()]
    .map((tag) => `<li><a href="#${slug(tag)}">${escapeHtml(tag)}</a></li>`)
    .join("");
  const body = [...groups.entries()]
    .map(
      ([tag, items]) => `<section id="${slug(tag)}"><h2>${escapeHtml(tag)}</h2>${items.join("")}</section>`,
    )
    .join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(info.title)} ${escapeHtml(info.version)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:980px;padding:1rem 2rem;color:#1d1d1f}
h1{margin-bottom:0}code,pre{font:13px ui-monospace,monospace}pre{background:#f5f5f7;padding:.75rem;overflow:auto;max-height:24rem}
.op{border:1px solid #ddd;border-radius:6px;margin:1rem 0;padding:.5rem 1rem}
.m{display:inline-block;min-width:4rem;font-weight:600;color:#fff;background:#b3282d;border-radius:4px;padding:0 .4rem;text-align:center}
.m.get{background:#2a6f3a}details{margin:.25rem 0}summary{cursor:pointer}
</style></head><body>
<h1>${escapeHtml(info.title)}</h1><p>Version ${escapeHtml(info.version)}. ${inlineText(info.description)}</p>
<p>Machine-readable: <a href="openapi.json">openapi.json</a>.</p>
<ul>${toc}</ul>${body}
</body></html>`;
}

interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  requestBody?: { content?: Record<string, { schema?: unknown; example?: unknown }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
}

function renderOperation(method: string, path: string, operation: Operation): string {
  const request = operation.requestBody?.content?.["application/json"];
  const responses = Object.entries(operation.responses ?? {})
    .map(
      ([status, response]) =>
        `<li><code>${escapeHtml(status)}</code> ${inlineText(response.description ?? "")}</li>`,
    )
    .join("");
  const ok = operation.responses?.["200"]?.content?.["application/json"]?.schema;
  return `<div class="op" id="${slug(operation.operationId ?? path)}">
<h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
<p><strong>${inlineText(operation.summary ?? "")}</strong></p>
<p>${inlineText(operation.description ?? "")}</p>
${request?.example === undefined ? "" : `<details open><summary>Example input</summary><pre>${escapeHtml(JSON.stringify(request.example, null, 2))}</pre></details>`}
${request?.schema === undefined ? "" : `<details><summary>Input schema</summary><pre>${escapeHtml(JSON.stringify(request.schema, null, 2))}</pre></details>`}
${ok === undefined ? "" : `<details><summary>Success schema</summary><pre>${escapeHtml(JSON.stringify(ok, null, 2))}</pre></details>`}
<ul>${responses}</ul></div>`;
}

/** Escaped text with the document's one piece of markup: `code` spans; line breaks kept. */
function inlineText(text: string): string {
  return escapeHtml(text)
    .replace(/`([^`]+)`/g, "<code>$1</code>")
    .replace(/\n/g, "<br>");
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}

/** A resource's normalized copy: `_links` removed (rawResponse keeps them, docs/connector-capabilities.md#output-shapes). */
export function withoutLinks<T = Record<string, unknown>>(resource: unknown): T {
  if (resource === null || typeof resource !== "object" || Array.isArray(resource)) return {} as T;
  const { _links: _ignored, ...rest } = resource as Record<string, unknown>;
  return rest as T;
}

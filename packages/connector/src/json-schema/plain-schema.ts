/**
 * A TypeBox schema as plain JSON Schema: TypeBox's symbol-keyed metadata dropped, key order kept,
 * so generated files are byte-for-byte stable between runs (docs/connector-service.md#stable-output).
 */
export function plainSchema(schema: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(schema)) as Record<string, unknown>;
}

import { type TSchema, type TUnsafe, Type } from "@sinclair/typebox";

/** A string restricted to fixed values, as one `enum` (clearer validation messages than a union). */
export function stringEnum<const T extends readonly string[]>(
  values: T,
  options: { description?: string; default?: T[number] } = {},
): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ type: "string", enum: [...values], ...options });
}

/** The fields every DaVinci output has (docs/connector-capabilities.md#output-shapes). */
export const ENVELOPE_FIELDS = {
  rawResponse: Type.Object({}, { additionalProperties: true, description: "The main PingOne response body" }),
  statusCode: Type.Integer({ description: "HTTP status of that response" }),
  headers: Type.Record(Type.String(), Type.String(), {
    description: "Its response headers, lower-case names",
  }),
};

/** An output schema: the projections plus `rawResponse`, `statusCode` and `headers`. */
export function outputSchema<P extends Record<string, TSchema>>(projections: P) {
  return Type.Object({ ...projections, ...ENVELOPE_FIELDS });
}

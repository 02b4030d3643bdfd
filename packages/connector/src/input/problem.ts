/** One problem found in an input, located by a JSON Pointer into the input as the caller wrote it. */
export interface ValidationProblem {
  path: string;
  keyword: string;
  message: string;
}

/** One JSON Pointer segment (RFC 6901): `~` and `/` escaped. */
export function escapePointer(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

/**
 * A value placed in a URL path. `.` and `..` (also percent-encoded) are dot segments that URL
 * parsing would resolve, moving the call to another resource, so they are refused.
 */
export function isSafePathSegment(value: string): boolean {
  return value.length > 0 && !/^(\.|%2e){1,2}$/i.test(value);
}

export function pathSegment(value: string): string {
  return encodeURIComponent(value);
}

/**
 * A value placed in a URL path. `.` and `..` are dot segments that URL parsing would resolve,
 * moving the call to another resource, so they are refused; everything else is percent-encoded
 * (which also turns `%2e` into `%252e`, so no encoded dot segment can appear).
 */
export function isSafePathSegment(value: string): boolean {
  return value.length > 0 && !/^\.{1,2}$/.test(value);
}

export function pathSegment(value: string): string {
  return encodeURIComponent(value);
}

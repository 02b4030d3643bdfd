/**
 * What HTTP lets a header carry (RFC 9110 §5.5, as undici enforces it): tabs, spaces, visible
 * ASCII and Latin-1, and no line break or other control character. A value outside it would make
 * the HTTP client throw after the call was started, and a line break could add a header of its
 * own, so input that reaches a header is checked against it first.
 */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** A header name is an RFC 9110 token. */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export const HEADER_VALUE_RULE =
  "must be a valid HTTP header value: visible ASCII or Latin-1 characters, spaces and tabs, no line break or control character";

export function isHeaderValue(value: string): boolean {
  return HEADER_VALUE.test(value);
}

export function isHeaderName(name: string): boolean {
  return HEADER_NAME.test(name);
}

/** What PingOne keeps of an external id: Unicode letters, marks, digits and `. _ - / @ = # +`. */
const UNSAFE = /[^\p{L}\p{M}\p{N}._\-/@=#+]/gu;
/** The common case (a UUID, an ASCII flow id) checked without the Unicode-aware scan. */
const PLAIN = /^[A-Za-z0-9._\-/@=#+]+$/;

/**
 * `X-Ping-External-Transaction-Id` / `-Session-Id` values: at most 100 characters of Unicode
 * letters, marks, digits and `. _ - / @ = # +`; PingOne replaces anything else with `_`
 * (docs/connector-client.md#transaction-ids), so the connector does it first and the audit trail
 * matches what it sent.
 */
export function sanitizeExternalId(value: string): string {
  if (value.length <= 100 && PLAIN.test(value)) return value;
  return value.replace(UNSAFE, "_").slice(0, 100);
}

/**
 * `X-Ping-External-Transaction-Id` / `-Session-Id` values: at most 100 characters of Unicode
 * letters, marks, digits and `. _ - / @ = # +`; PingOne replaces anything else with `_`
 * (pingone-api.md §3.1), so the connector does it first and the audit trail matches what it sent.
 */
export function sanitizeExternalId(value: string): string {
  return value.replace(/[^\p{L}\p{M}\p{N}._\-/@=#+]/gu, "_").slice(0, 100);
}

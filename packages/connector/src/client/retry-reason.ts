import { type SecretRegistry, scrubText } from "../redaction/redact.js";

/**
 * Why an attempt is retried, for the debug log: `HTTP 503`, or the transport failure's own words
 * (`network failure (ECONNREFUSED): ...`) with any registered secret scrubbed.
 */
export function retryReason(
  status: number | undefined,
  reason: string | undefined,
  secrets: SecretRegistry,
): string {
  if (status !== undefined) return `HTTP ${status}`;
  return scrubText(reason ?? "network error", undefined, secrets);
}

/**
 * Redaction: secrets are replaced at construction of every log record, error and dry-run
 * request, so no later code path can leak them (docs/connector-client.md#redaction).
 */
export const REDACTED = "[REDACTED]";

/** Keys whose values are secret wherever they appear (compared case-insensitively). */
const SECRET_KEYS = new Set(
  [
    "authorization",
    "proxy-authorization",
    "clientSecret",
    "client_secret",
    "access_token",
    "accessToken",
    "password",
    "currentPassword",
    "newPassword",
    "recoveryCode",
    "verificationCode",
    "bindPassword",
    "kerberosTicket",
    "keytab",
  ].map((key) => key.toLowerCase()),
);

/** Password media types carry the new password in `value`. */
const VALUE_IS_SECRET = /password\./i;

/**
 * Secret values seen at run time (client secrets, issued tokens): any text built into an error or
 * log line is scrubbed of them, whatever field it came through. Bounded: past `capacity` the
 * value registered longest ago is dropped, so a long-running process that renews tokens every
 * hour keeps only the recent ones (older tokens have expired).
 */
export class SecretRegistry implements Iterable<string> {
  readonly capacity: number;
  private readonly values = new Set<string>();

  constructor(capacity = 256) {
    this.capacity = capacity;
  }

  add(value: string | undefined): void {
    // Very short values would scrub ordinary words out of messages; PingOne secrets are long.
    if (!value || value.length < 6) return;
    this.values.delete(value);
    this.values.add(value);
    if (this.values.size > this.capacity) this.values.delete(this.values.values().next().value!);
  }

  get size(): number {
    return this.values.size;
  }

  [Symbol.iterator](): Iterator<string> {
    return this.values.values();
  }
}

/** The registry clients share unless they are given their own (as with the token store). */
export const processSecrets = new SecretRegistry();

export function isSecretKey(key: string): boolean {
  return SECRET_KEYS.has(key.toLowerCase());
}

/** Replaces every value of `secrets`, and any `extra` ones, in a piece of text. */
export function scrubText(
  text: string,
  extra: Iterable<string> = [],
  secrets: Iterable<string> = processSecrets,
): string {
  let out = text;
  for (const list of [secrets, extra]) {
    for (const secret of list) {
      if (secret && out.includes(secret)) out = out.split(secret).join(REDACTED);
    }
  }
  return out.replace(/\b(Bearer|Basic|Negotiate)\s+[A-Za-z0-9._~+/=-]+/g, `$1 ${REDACTED}`);
}

/**
 * A deep copy of a JSON-like value with secret keys, the values of `secrets` and any `extra`
 * values redacted.
 */
export function redactValue(
  value: unknown,
  contentType?: string,
  extra: Iterable<string> = [],
  secrets: Iterable<string> = processSecrets,
): unknown {
  const valueIsSecret = contentType !== undefined && VALUE_IS_SECRET.test(contentType);
  const walk = (node: unknown, depth: number): unknown => {
    if (typeof node === "string") return scrubText(node, extra, secrets);
    if (node === null || typeof node !== "object" || depth > 32) return node;
    if (Array.isArray(node)) return node.map((item) => walk(item, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(node)) {
      const secret = isSecretKey(key) || (valueIsSecret && key === "value");
      out[key] = secret && child !== undefined && child !== null ? REDACTED : walk(child, depth + 1);
    }
    return out;
  };
  return walk(value, 0);
}

/**
 * The secret values a request body carries (passwords, codes), so that an answer echoing them
 * (an error message, a detail) can be scrubbed too, without keeping them beyond the call.
 */
export function secretValuesIn(body: unknown, contentType?: string): string[] {
  const valueIsSecret = contentType !== undefined && VALUE_IS_SECRET.test(contentType);
  const found: string[] = [];
  const walk = (node: unknown, depth: number) => {
    if (node === null || typeof node !== "object" || depth > 8) return;
    for (const [key, child] of Object.entries(node)) {
      if (
        typeof child === "string" &&
        child.length >= 4 &&
        (isSecretKey(key) || (valueIsSecret && key === "value"))
      ) {
        found.push(child);
      } else walk(child, depth + 1);
    }
  };
  walk(body, 0);
  return found;
}

/** Query parameters that may carry credentials are redacted in URLs shown to people. */
export function redactUrl(url: string, secrets: Iterable<string> = processSecrets): string {
  try {
    const parsed = new URL(url);
    for (const key of [...parsed.searchParams.keys()]) {
      if (isSecretKey(key)) parsed.searchParams.set(key, REDACTED);
    }
    if (parsed.password) parsed.password = REDACTED;
    return scrubText(parsed.toString(), [], secrets);
  } catch {
    return scrubText(url, [], secrets);
  }
}

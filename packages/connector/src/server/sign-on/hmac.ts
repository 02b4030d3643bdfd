import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The HMAC-SHA256, base64url, of `purpose.message`: the purpose ("csrf", "outcome") keeps a
 * token made for one use from ever being accepted for another under the same key.
 */
export function mac(key: string, purpose: string, message: string): string {
  return createHmac("sha256", key).update(`${purpose}.${message}`).digest("base64url");
}

/** Whether `presented` is the MAC of the message, compared in constant time. */
export function macMatches(key: string, purpose: string, message: string, presented: string): boolean {
  const expected = Buffer.from(mac(key, purpose, message));
  const actual = Buffer.from(presented);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

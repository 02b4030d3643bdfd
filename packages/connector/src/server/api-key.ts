import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Compares a presented API key with the expected one in constant time. Both sides are hashed
 * first, so neither the length nor a common prefix of the key shows in the timing.
 */
export function apiKeyMatches(presented: string | undefined, expected: string): boolean {
  if (presented === undefined) return false;
  const a = createHash("sha256").update(presented).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

/** Reads `Authorization: Bearer <key>`. */
export function bearerKey(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  return match?.[1];
}

/** A fresh random API key (the main job generates one per start). */
export function generateApiKey(): string {
  return randomBytes(24).toString("base64url");
}

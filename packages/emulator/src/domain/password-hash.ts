import { createHash, randomBytes, scryptSync, timingSafeEqual } from "node:crypto";
import { compareSync } from "bcryptjs";
import { ownValue } from "../own-value.js";

/*
 * Stored passwords are either the emulator's own scrypt hash (PHC string format,
 * `$scrypt$ln=14,r=8,p=1$<salt>$<hash>`) or a pre-encoded value exactly as the client sent it
 * (`{SCHEME}…`, docs/emulator.md#password-actions). Of the pre-encoded schemes, those with a public
 * standard encoding are verified; PingOne's own layouts for the others are not published in full, so
 * they are stored as given and never match a clear-text password (a check against them fails
 * like a wrong password).
 */

/** Schemes verified by `verifyPassword`. SSHA variants: base64(digest || salt), as in LDAP. */
const SSHA_DIGESTS: Readonly<Record<string, { algorithm: string; length: number }>> = {
  "{SSHA}": { algorithm: "sha1", length: 20 },
  "{SSHA256}": { algorithm: "sha256", length: 32 },
  "{SSHA384}": { algorithm: "sha384", length: 48 },
  "{SSHA512}": { algorithm: "sha512", length: 64 },
};

/** Schemes accepted and stored without verification. */
const OPAQUE_SCHEMES = ["{PBKDF2}", "{MSKCC_PBKDF2}", "{SCRYPT}", "{SCRYPT_RFC7914}", "{ARGON2}"] as const;

/** Every scheme `password.set` and import accept, for the `allowedValues` of the refusal. */
export const SUPPORTED_PASSWORD_SCHEMES: readonly string[] = [
  "{BCRYPT}",
  ...Object.keys(SSHA_DIGESTS),
  ...OPAQUE_SCHEMES,
];

// bcryptjs is pure JavaScript: cost 12 takes a few hundred milliseconds, more would stall the server.
const MAX_BCRYPT_COST = 12;
const BCRYPT_HASH = /^\$2[abxy]\$(\d{2})\$[./A-Za-z0-9]{53}$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const SCHEME_PREFIX = /^\{([A-Za-z0-9_-]+)\}/;

// Node's default cost, the scrypt paper's "interactive" setting; parameters travel with each hash.
const SCRYPT_LOG_N = 14;
const SCRYPT_R = 8;
const SCRYPT_P = 1;
const SCRYPT_KEY_LENGTH = 32;
const SCRYPT_HASH = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

/** How a password value in a request is to be stored. */
export type PasswordValueEncoding =
  | { readonly kind: "cleartext" }
  | { readonly kind: "preEncoded"; readonly stored: string }
  | { readonly kind: "unsupportedScheme" }
  | { readonly kind: "malformed"; readonly scheme: string };

/**
 * Tells clear text from a pre-encoded value. Like LDAP servers, any value starting with
 * `{NAME}` is read as pre-encoded, so such a clear-text password cannot be set.
 */
export function classifyPasswordValue(value: string): PasswordValueEncoding {
  const prefix = SCHEME_PREFIX.exec(value);
  if (prefix === null) return { kind: "cleartext" };
  const scheme = `{${prefix[1]!.toUpperCase()}}`;
  const encoded = value.slice(prefix[0].length);
  if (scheme === "{BCRYPT}") {
    const cost = BCRYPT_HASH.exec(encoded)?.[1];
    if (cost === undefined || Number(cost) < 4 || Number(cost) > MAX_BCRYPT_COST)
      return { kind: "malformed", scheme };
    return { kind: "preEncoded", stored: scheme + encoded };
  }
  const ssha = ownValue(SSHA_DIGESTS, scheme);
  if (ssha !== undefined) {
    // A salt of at least one byte must follow the digest.
    if (!BASE64.test(encoded) || Buffer.from(encoded, "base64").length <= ssha.length) {
      return { kind: "malformed", scheme };
    }
    return { kind: "preEncoded", stored: scheme + encoded };
  }
  if ((OPAQUE_SCHEMES as readonly string[]).includes(scheme)) {
    if (encoded === "" || /\s/.test(encoded)) return { kind: "malformed", scheme };
    return { kind: "preEncoded", stored: scheme + encoded };
  }
  return { kind: "unsupportedScheme" };
}

/** A salted scrypt hash of a clear-text password. */
export function hashPassword(cleartext: string): string {
  const salt = randomBytes(16);
  const hash = scrypt(cleartext, salt, SCRYPT_LOG_N, SCRYPT_R, SCRYPT_P);
  return `$scrypt$ln=${SCRYPT_LOG_N},r=${SCRYPT_R},p=${SCRYPT_P}$${unpadded(salt)}$${unpadded(hash)}`;
}

/** True when the clear-text password matches a stored value; constant-time comparison. */
export function verifyPassword(cleartext: string, stored: string): boolean {
  const scryptParts = SCRYPT_HASH.exec(stored);
  if (scryptParts !== null) {
    const [, logN, r, p, salt, hash] = scryptParts;
    const expected = Buffer.from(hash!, "base64");
    // Only hashPassword writes these; the bounds keep a tampered database from asking for gigabytes.
    if (Number(logN) > 16 || Number(r) > 8 || Number(p) > 2 || expected.length === 0) return false;
    const actual = scrypt(
      cleartext,
      Buffer.from(salt!, "base64"),
      Number(logN),
      Number(r),
      Number(p),
      expected.length,
    );
    return timingSafeEqual(actual, expected);
  }
  const prefix = SCHEME_PREFIX.exec(stored);
  if (prefix === null) return false;
  const scheme = prefix[0];
  const encoded = stored.slice(scheme.length);
  if (scheme === "{BCRYPT}") return compareSync(cleartext, encoded);
  const ssha = ownValue(SSHA_DIGESTS, scheme);
  if (ssha === undefined) return false;
  const decoded = Buffer.from(encoded, "base64");
  const expected = decoded.subarray(0, ssha.length);
  const salt = decoded.subarray(ssha.length);
  const actual = createHash(ssha.algorithm).update(Buffer.from(cleartext, "utf8")).update(salt).digest();
  return timingSafeEqual(actual, expected);
}

function scrypt(
  cleartext: string,
  salt: Buffer,
  logN: number,
  r: number,
  p: number,
  length = SCRYPT_KEY_LENGTH,
) {
  const N = 2 ** logN;
  return scryptSync(cleartext.normalize("NFC"), salt, length, { N, r, p, maxmem: 256 * N * r * p });
}

function unpadded(bytes: Buffer): string {
  return bytes.toString("base64").replace(/=+$/, "");
}

import { createHash, randomBytes } from "node:crypto";
import { hashSync } from "bcryptjs";
import { describe, expect, it } from "vitest";
import {
  classifyPasswordValue,
  hashPassword,
  SUPPORTED_PASSWORD_SCHEMES,
  verifyPassword,
} from "../../src/domain/password-hash.js";

function ssha(algorithm: string, password: string, salt = randomBytes(8)): string {
  const digest = createHash(algorithm).update(password).update(salt).digest();
  return Buffer.concat([digest, salt]).toString("base64");
}

function storedFor(value: string): string {
  const encoding = classifyPasswordValue(value);
  if (encoding.kind !== "preEncoded") throw new Error(`not pre-encoded: ${encoding.kind}`);
  return encoding.stored;
}

describe("hashPassword and verifyPassword", () => {
  it("hashes with salted scrypt and verifies only the same password", () => {
    const first = hashPassword("Correct-Horse-9");
    const second = hashPassword("Correct-Horse-9");
    expect(first).toMatch(/^\$scrypt\$ln=14,r=8,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain("Correct-Horse-9");
    expect(verifyPassword("Correct-Horse-9", first)).toBe(true);
    expect(verifyPassword("correct-horse-9", first)).toBe(false);
    expect(verifyPassword("", first)).toBe(false);
  });

  it("does not verify a tampered or unknown stored value", () => {
    expect(verifyPassword("x", "$scrypt$ln=30,r=8,p=1$AAAA$AAAA")).toBe(false);
    expect(verifyPassword("x", "plain-text")).toBe(false);
    expect(verifyPassword("x", "{NOPE}abc")).toBe(false);
  });
});

describe("pre-encoded values", () => {
  it("verifies {BCRYPT}, in any prefix case", () => {
    const stored = storedFor(`{bcrypt}${hashSync("Blue-Moon-42", 4)}`);
    expect(stored.startsWith("{BCRYPT}$2b$04$")).toBe(true);
    expect(verifyPassword("Blue-Moon-42", stored)).toBe(true);
    expect(verifyPassword("Blue-Moon-43", stored)).toBe(false);
  });

  it.each([
    ["{SSHA}", "sha1"],
    ["{SSHA256}", "sha256"],
    ["{SSHA384}", "sha384"],
    ["{SSHA512}", "sha512"],
  ])("verifies %s", (scheme, algorithm) => {
    const stored = storedFor(`${scheme}${ssha(algorithm, "Green-Tea-7")}`);
    expect(verifyPassword("Green-Tea-7", stored)).toBe(true);
    expect(verifyPassword("Green-Tea-8", stored)).toBe(false);
  });

  it("stores the other listed schemes as given, matching no clear text", () => {
    for (const scheme of ["{PBKDF2}", "{MSKCC_PBKDF2}", "{SCRYPT}", "{SCRYPT_RFC7914}", "{ARGON2}"]) {
      const stored = storedFor(`${scheme}AAECAwQFBgcICQ==`);
      expect(stored).toBe(`${scheme}AAECAwQFBgcICQ==`);
      expect(verifyPassword("anything", stored)).toBe(false);
    }
  });

  it("refuses unknown schemes and malformed encodings", () => {
    expect(classifyPasswordValue("{MD5}X03MO1qnZdYdgyfeuILPmQ==")).toEqual({ kind: "unsupportedScheme" });
    expect(classifyPasswordValue("{BCRYPT}not-a-hash")).toEqual({ kind: "malformed", scheme: "{BCRYPT}" });
    expect(classifyPasswordValue(`{BCRYPT}${hashSync("x", 4).replace("$04$", "$13$")}`)).toEqual({
      kind: "malformed",
      scheme: "{BCRYPT}",
    });
    expect(classifyPasswordValue("{SSHA512}AAAA")).toEqual({ kind: "malformed", scheme: "{SSHA512}" });
    expect(classifyPasswordValue("{SSHA}not base64!")).toEqual({ kind: "malformed", scheme: "{SSHA}" });
    expect(classifyPasswordValue("{PBKDF2}")).toEqual({ kind: "malformed", scheme: "{PBKDF2}" });
  });

  it("treats anything without a {SCHEME} prefix as clear text", () => {
    expect(classifyPasswordValue("Tr0ub4dor&3")).toEqual({ kind: "cleartext" });
    expect(classifyPasswordValue("{}abc")).toEqual({ kind: "cleartext" });
    expect(classifyPasswordValue("x{SSHA}abc")).toEqual({ kind: "cleartext" });
  });

  it("lists every accepted scheme", () => {
    expect(SUPPORTED_PASSWORD_SCHEMES).toEqual([
      "{BCRYPT}",
      "{SSHA}",
      "{SSHA256}",
      "{SSHA384}",
      "{SSHA512}",
      "{PBKDF2}",
      "{MSKCC_PBKDF2}",
      "{SCRYPT}",
      "{SCRYPT_RFC7914}",
      "{ARGON2}",
    ]);
  });
});

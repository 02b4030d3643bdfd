import { describe, expect, it } from "vitest";
import {
  checkRecoveryCode,
  codeDigest,
  codeMatches,
  generateCode,
  issueRecoveryCode,
  MAX_RECOVERY_CODE_FAILURES,
  RECOVERY_CODE_TTL_SECONDS,
} from "../../src/domain/codes.js";

const NOW = Date.UTC(2025, 0, 1);

describe("codes", () => {
  it("generates 8 upper-case alphanumeric characters, different each time", () => {
    const codes = new Set(Array.from({ length: 200 }, () => generateCode()));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).toMatch(/^[A-Z0-9]{8}$/);
  });

  it("stores a digest and matches typed codes ignoring case and surrounding spaces", () => {
    const digest = codeDigest("AB12CD34");
    expect(digest).not.toContain("AB12CD34");
    expect(codeMatches(digest, "ab12cd34")).toBe(true);
    expect(codeMatches(digest, " AB12CD34 ")).toBe(true);
    expect(codeMatches(digest, "AB12CD35")).toBe(false);
    expect(codeMatches(digest, "")).toBe(false);
  });
});

describe("recovery codes", () => {
  it("accept the code within five minutes", () => {
    const { code, record } = issueRecoveryCode(NOW);
    expect(record.expiresAt - NOW).toBe(RECOVERY_CODE_TTL_SECONDS * 1000);
    expect(checkRecoveryCode(record, code.toLowerCase(), NOW + 299_000)).toEqual({ outcome: "valid" });
  });

  it("refuse the code once it has expired, counting the attempt", () => {
    const { code, record } = issueRecoveryCode(NOW);
    expect(checkRecoveryCode(record, code, NOW + 300_000)).toEqual({
      outcome: "invalid",
      record: { ...record, failures: 1 },
    });
  });

  it("allow five wrong codes, then refuse even the right one", () => {
    const issued = issueRecoveryCode(NOW);
    let record = issued.record;
    for (let attempt = 1; attempt <= MAX_RECOVERY_CODE_FAILURES; attempt += 1) {
      const result = checkRecoveryCode(record, "WRONG000", NOW);
      if (result.outcome !== "invalid" || result.record === undefined) throw new Error("expected invalid");
      record = result.record;
    }
    expect(checkRecoveryCode(record, issued.code, NOW)).toEqual({ outcome: "exhausted" });
  });

  it("treat a missing code as invalid", () => {
    expect(checkRecoveryCode(undefined, "ANYTHING", NOW)).toEqual({ outcome: "invalid", record: undefined });
  });
});

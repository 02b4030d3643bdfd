import { describe, expect, it } from "vitest";
import {
  evaluatePasswordPolicy,
  type PasswordPolicyRules,
  profileValuesOf,
} from "../../src/domain/password-policy.js";

// The emulator's Standard policy values (docs/emulator.md#password-policies).
const standard: PasswordPolicyRules = {
  excludesCommonlyUsed: true,
  excludesProfileData: true,
  notSimilarToCurrent: true,
  history: { count: 6, retentionDays: 365 },
  length: { min: 8, max: 255 },
  lockout: { failureCount: 5, durationSeconds: 900 },
  maxAgeDays: 182,
  minAgeDays: 1,
  maxRepeatedCharacters: 2,
  minUniqueCharacters: 5,
  minCharacters: {
    ABCDEFGHIJKLMNOPQRSTUVWXYZ: 1,
    abcdefghijklmnopqrstuvwxyz: 1,
    "0123456789": 1,
    "~!@#$%^&*()-_=+[]{}|;:,.<>/?": 1,
  },
};

const rulesBroken = (password: string, rules: PasswordPolicyRules = standard, context = {}) =>
  evaluatePasswordPolicy(password, rules, context).map((failure) => failure.rule);

describe("evaluatePasswordPolicy", () => {
  it("passes a password that meets every Standard rule", () => {
    expect(evaluatePasswordPolicy("Tr0ub4dor&3x", standard)).toEqual([]);
  });

  it("reports length in code points against min and max", () => {
    expect(rulesBroken("Ab1!xyz")).toEqual(["length"]);
    expect(rulesBroken(`Ab1!${"xyzw".repeat(63)}`)).toEqual(["length"]);
    expect(evaluatePasswordPolicy("Ab1!xyz", standard)[0]?.message).toBe(
      "Must be between 8 and 255 characters",
    );
    expect(rulesBroken("😀😀😀😀😀😀😀😀", { length: { min: 8 } })).toEqual([]);
    expect(rulesBroken("abc", { length: { max: 2 } })).toEqual(["length"]);
  });

  it("reports all missing character sets in one minCharacters failure", () => {
    const failures = evaluatePasswordPolicy("alowercase", standard);
    expect(failures.map((failure) => failure.rule)).toEqual(["minCharacters"]);
    expect(failures[0]?.message).toContain("ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    expect(failures[0]?.message).toContain("0123456789");
    expect(failures[0]?.message).not.toContain("abcdefghijklmnopqrstuvwxyz");
    expect(rulesBroken("Ab1!Ab1!", { minCharacters: { "0123456789": 3 } })).toEqual(["minCharacters"]);
  });

  it("limits runs of one character, not total repeats", () => {
    expect(rulesBroken("Paaa55word!")).toEqual(["maxRepeatedCharacters"]);
    expect(rulesBroken("Pa5a5a5!wWd")).toEqual([]);
  });

  it("requires unique characters", () => {
    expect(rulesBroken("Aa1!Aa1!Aa1!")).toEqual(["minUniqueCharacters"]);
  });

  it("refuses commonly used passwords ignoring case", () => {
    expect(rulesBroken("P@ssw0rd", { excludesCommonlyUsed: true })).toEqual(["excludesCommonlyUsed"]);
    expect(rulesBroken("Password123!", standard)).toEqual(["excludesCommonlyUsed"]);
    expect(rulesBroken("P@ssw0rd", { excludesCommonlyUsed: false })).toEqual([]);
  });

  it("refuses profile values and their parts, ignoring case", () => {
    const profileValues = profileValuesOf({
      username: "Jane.Doe-1977!",
      email: "Jane.Doe#77@example.com",
      name: { given: "Jane", family: "Doe", formatted: "Dr. Jane Q-Doe!99" },
    });
    const context = { profileValues };
    expect(rulesBroken("jANE.DOE-1977!", standard, context)).toEqual(["excludesProfileData"]);
    expect(rulesBroken("Jane.Doe#77", standard, context)).toEqual(["excludesProfileData"]);
    expect(rulesBroken("Q-Doe!99", { excludesProfileData: true }, context)).toEqual(["excludesProfileData"]);
    expect(rulesBroken("Jane.Doe-1977!x", standard, context)).toEqual([]);
    expect(rulesBroken("jane.doe-1977!", { excludesProfileData: false }, context)).toEqual([]);
  });

  it("never accepts the current password, with or without a policy", () => {
    expect(rulesBroken("Same-Pa55word", {}, { currentCleartext: "Same-Pa55word" })).toEqual(["notCurrent"]);
    expect(
      rulesBroken(
        "Same-Pa55word",
        {},
        { isCurrentPassword: (candidate: string) => candidate === "Same-Pa55word" },
      ),
    ).toEqual(["notCurrent"]);
  });

  it("refuses a password similar to the current one only when the policy says so", () => {
    const context = { currentCleartext: "Winter-Garden9" };
    expect(rulesBroken("Winter-Garden8", standard, context)).toEqual(["notSimilarToCurrent"]);
    expect(rulesBroken("WINTER-GARDEN9x", standard, context)).toEqual(["notSimilarToCurrent"]);
    expect(rulesBroken("Summer-Fields4", standard, context)).toEqual([]);
    expect(rulesBroken("Winter-Garden8", { notSimilarToCurrent: false }, context)).toEqual([]);
  });

  it("refuses remembered passwords", () => {
    const isInHistory = (candidate: string) => candidate === "Old-Pa55word!";
    expect(rulesBroken("Old-Pa55word!", standard, { isInHistory })).toEqual(["history"]);
  });

  it("applies sequence rules in both directions", () => {
    expect(rulesBroken("xAbCdx", { alphabetSequenceRule: { maxLength: 3 } })).toEqual([
      "alphabetSequenceRule",
    ]);
    expect(rulesBroken("xabcx", { alphabetSequenceRule: { maxLength: 3 } })).toEqual([]);
    expect(rulesBroken("x321x", { numberSequenceRule: { maxLength: 2 } })).toEqual(["numberSequenceRule"]);
    expect(rulesBroken("xQWERx", { qwertySequenceRule: { maxLength: 3 } })).toEqual(["qwertySequenceRule"]);
    expect(rulesBroken("x%$#@x", { shiftedNumberRowSequenceRule: { maxLength: 3 } })).toEqual([
      "shiftedNumberRowSequenceRule",
    ]);
  });

  it("reports one failure per broken rule, never quoting the password", () => {
    const failures = evaluatePasswordPolicy("aaa", standard);
    expect(failures.map((failure) => failure.rule)).toEqual([
      "length",
      "minCharacters",
      "maxRepeatedCharacters",
      "minUniqueCharacters",
    ]);
    for (const failure of evaluatePasswordPolicy("Secret", standard)) {
      expect(failure.message).not.toContain("Secret");
    }
  });
});

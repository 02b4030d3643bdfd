import { isCommonlyUsedPassword } from "./common-passwords.js";

/**
 * The rule fields of a PingOne password policy (docs/emulator.md#password-policies), as stored and returned.
 */
export interface PasswordPolicyRules {
  excludesCommonlyUsed?: boolean;
  excludesProfileData?: boolean;
  notSimilarToCurrent?: boolean;
  history?: { count?: number; retentionDays?: number };
  length?: { min?: number; max?: number };
  lockout?: { failureCount?: number; durationSeconds?: number };
  maxAgeDays?: number;
  minAgeDays?: number;
  maxRepeatedCharacters?: number;
  minUniqueCharacters?: number;
  minCharacters?: Record<string, number>;
  alphabetSequenceRule?: { maxLength?: number };
  numberSequenceRule?: { maxLength?: number };
  qwertySequenceRule?: { maxLength?: number };
  shiftedNumberRowSequenceRule?: { maxLength?: number };
}

/**
 * The `innerError` key of each rule, as in docs/emulator.md#password-errors (`{"length": "…", "history":
 * "…"}`).
 */
export type PasswordPolicyRule =
  | "length"
  | "minCharacters"
  | "maxRepeatedCharacters"
  | "minUniqueCharacters"
  | "excludesCommonlyUsed"
  | "excludesProfileData"
  | "notSimilarToCurrent"
  | "notCurrent"
  | "history"
  | "alphabetSequenceRule"
  | "numberSequenceRule"
  | "qwertySequenceRule"
  | "shiftedNumberRowSequenceRule";

/** One failed rule; the message describes the rule and never contains the password. */
export interface PasswordPolicyFailure {
  readonly rule: PasswordPolicyRule;
  readonly message: string;
}

/** What the evaluation needs to know beyond the password itself. */
export interface PasswordEvaluationContext {
  /** The user's profile values (see `profileValuesOf`), for `excludesProfileData`. */
  readonly profileValues?: readonly string[];
  /** The current password in clear text, known only when the caller typed it (password.reset). */
  readonly currentCleartext?: string;
  /** True when the candidate equals the current password (verified against its stored hash). */
  readonly isCurrentPassword?: (candidate: string) => boolean;
  /** True when the candidate is one of the passwords the policy's history still remembers. */
  readonly isInHistory?: (candidate: string) => boolean;
}

// Levenshtein distance at or below which a new password counts as "similar" to the current one.
const SIMILARITY_DISTANCE = 2;

const QWERTY_ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];
const SHIFTED_NUMBER_ROW = "!@#$%^&*()";

/**
 * Checks a clear-text password against a policy; one failure per rule broken, none when it passes.
 * The new password must never equal the current one, whatever the policy says (`notCurrent`).
 * @example evaluatePasswordPolicy("Tr0ub4dor&3", standardRules, { profileValues: ["jdoe"] })
 */
export function evaluatePasswordPolicy(
  password: string,
  rules: PasswordPolicyRules,
  context: PasswordEvaluationContext = {},
): PasswordPolicyFailure[] {
  return [
    ...compositionFailures([...password], rules),
    ...contentFailures(password, rules, context),
    ...reuseFailures(password, rules, context),
  ];
}

type Fail = (rule: PasswordPolicyRule, message: string) => void;

function collect(check: (fail: Fail) => void): PasswordPolicyFailure[] {
  const failures: PasswordPolicyFailure[] = [];
  check((rule, message) => failures.push({ rule, message }));
  return failures;
}

/** Length, character sets, repeated and unique characters. */
function compositionFailures(
  characters: readonly string[],
  rules: PasswordPolicyRules,
): PasswordPolicyFailure[] {
  return collect((fail) => {
    const lengthFailure = checkLength(characters.length, rules.length);
    if (lengthFailure !== undefined) fail("length", lengthFailure);
    const missingSets = Object.entries(rules.minCharacters ?? {}).filter(
      ([set, minimum]) => characters.filter((character) => set.includes(character)).length < minimum,
    );
    if (missingSets.length > 0) {
      const requirements = missingSets.map(([set, minimum]) => `at least ${minimum} of ${set}`);
      fail("minCharacters", `Must contain ${requirements.join("; ")}`);
    }
    const maxRepeated = rules.maxRepeatedCharacters;
    if (maxRepeated !== undefined && longestRun(characters) > maxRepeated) {
      fail("maxRepeatedCharacters", `Must not repeat a character more than ${maxRepeated} times in a row`);
    }
    const minUnique = rules.minUniqueCharacters;
    if (minUnique !== undefined && new Set(characters).size < minUnique) {
      fail("minUniqueCharacters", `Must contain at least ${minUnique} unique characters`);
    }
  });
}

/** Commonly used passwords, profile values and sequences. */
function contentFailures(
  password: string,
  rules: PasswordPolicyRules,
  context: PasswordEvaluationContext,
): PasswordPolicyFailure[] {
  return collect((fail) => {
    if (rules.excludesCommonlyUsed === true && isCommonlyUsedPassword(password)) {
      fail("excludesCommonlyUsed", "Must not be a commonly used password");
    }
    if (rules.excludesProfileData === true && matchesProfile(password, context.profileValues ?? [])) {
      fail("excludesProfileData", "Must not be a value of the user's profile");
    }
    const sequenceRules = [
      ["alphabetSequenceRule", "alphabet", rules.alphabetSequenceRule?.maxLength],
      ["numberSequenceRule", "number", rules.numberSequenceRule?.maxLength],
      ["qwertySequenceRule", "keyboard", rules.qwertySequenceRule?.maxLength],
      ["shiftedNumberRowSequenceRule", "shifted number row", rules.shiftedNumberRowSequenceRule?.maxLength],
    ] as const;
    for (const [rule, label, maxLength] of sequenceRules) {
      if (maxLength !== undefined && longestSequence(password, rule) > maxLength) {
        fail(rule, `Must not contain more than ${maxLength} sequential ${label} characters`);
      }
    }
  });
}

/** The current password (never allowed), one similar to it, and the remembered ones. */
function reuseFailures(
  password: string,
  rules: PasswordPolicyRules,
  context: PasswordEvaluationContext,
): PasswordPolicyFailure[] {
  return collect((fail) => {
    const isCurrent =
      context.currentCleartext !== undefined
        ? context.currentCleartext === password
        : (context.isCurrentPassword?.(password) ?? false);
    if (isCurrent) {
      fail("notCurrent", "Must differ from the current password");
    } else if (
      rules.notSimilarToCurrent === true &&
      context.currentCleartext !== undefined &&
      levenshtein(password.toLowerCase(), context.currentCleartext.toLowerCase()) <= SIMILARITY_DISTANCE
    ) {
      fail("notSimilarToCurrent", "Must not be similar to the current password");
    }
    if (!isCurrent && context.isInHistory?.(password) === true) {
      fail("history", "Must not be one of the recently used passwords");
    }
  });
}

function checkLength(count: number, length: PasswordPolicyRules["length"]): string | undefined {
  const min = length?.min;
  const max = length?.max;
  if ((min === undefined || count >= min) && (max === undefined || count <= max)) return undefined;
  if (min !== undefined && max !== undefined) return `Must be between ${min} and ${max} characters`;
  return min !== undefined ? `Must be at least ${min} characters` : `Must be at most ${max} characters`;
}

function longestRun(characters: readonly string[]): number {
  let longest = 0;
  let run = 0;
  characters.forEach((character, index) => {
    run = index > 0 && characters[index - 1] === character ? run + 1 : 1;
    longest = Math.max(longest, run);
  });
  return longest;
}

/**
 * The policy field says "not an exact match for any profile value"; matching ignores case, and
 * the caller's values include the parts people reuse (see `profileValuesOf`).
 */
function matchesProfile(password: string, profileValues: readonly string[]): boolean {
  const candidate = password.toLowerCase();
  return profileValues.some((value) => value !== "" && value.toLowerCase() === candidate);
}

/**
 * The user's values an `excludesProfileData` policy compares with: every string attribute, plus
 * the local part of the email address and the words of the formatted name.
 */
export function profileValuesOf(user: {
  username?: string | null;
  email?: string | null;
  name?: Record<string, string | null | undefined> | null;
  nickname?: string | null;
  primaryPhone?: string | null;
  mobilePhone?: string | null;
  address?: Record<string, string | null | undefined> | null;
}): string[] {
  const values: string[] = [];
  const add = (value: string | null | undefined) => {
    if (typeof value === "string" && value.trim() !== "") values.push(value.trim());
  };
  add(user.username);
  add(user.email);
  add(user.email?.split("@")[0]);
  for (const part of Object.values(user.name ?? {})) add(part);
  for (const word of user.name?.formatted?.split(/\s+/) ?? []) add(word);
  add(user.nickname);
  add(user.primaryPhone);
  add(user.mobilePhone);
  for (const part of Object.values(user.address ?? {})) add(part);
  return values;
}

/** The longest run of consecutive characters, ascending or descending, in the rule's alphabet. */
function longestSequence(password: string, rule: PasswordPolicyRule): number {
  const lower = password.toLowerCase();
  const rows =
    rule === "alphabetSequenceRule"
      ? ["abcdefghijklmnopqrstuvwxyz"]
      : rule === "numberSequenceRule"
        ? ["0123456789"]
        : rule === "qwertySequenceRule"
          ? QWERTY_ROWS
          : [SHIFTED_NUMBER_ROW];
  let longest = 0;
  for (const row of rows) {
    for (const direction of [1, -1]) {
      let run = 0;
      let previous = -2;
      for (const character of lower) {
        const position = row.indexOf(character);
        run =
          position >= 0 && previous >= 0 && position === previous + direction
            ? run + 1
            : position >= 0
              ? 1
              : 0;
        previous = position;
        longest = Math.max(longest, run);
      }
    }
  }
  return longest;
}

function levenshtein(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let i = 1; i <= left.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= right.length; j += 1) {
      const substitution = previous[j - 1]! + (left[i - 1] === right[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[right.length]!;
}

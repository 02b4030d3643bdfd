import { escapePointer, type ValidationProblem } from "./problem.js";

/** A lone UTF-16 surrogate: in a `u` regex, paired surrogates are one code point and do not match. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Every string in the input (property names included) that is not well-formed Unicode. Such a
 * string cannot be sent as it is: encoding it to UTF-8 turns each lone surrogate into U+FFFD, so a
 * lookup for `"\ud800"` would find the user named `"\uFFFD"` (docs/connector-capabilities.md#well-formed-input).
 */
export function illFormedStrings(value: unknown, pointer = ""): ValidationProblem[] {
  if (typeof value === "string") return LONE_SURROGATE.test(value) ? [problemAt(pointer)] : [];
  if (value === null || typeof value !== "object") return [];
  if (Array.isArray(value))
    return value.flatMap((item, index) => illFormedStrings(item, `${pointer}/${index}`));
  const problems: ValidationProblem[] = [];
  for (const [name, item] of Object.entries(value)) {
    const at = `${pointer}/${escapePointer(name.replace(/\p{Cs}/gu, "\uFFFD"))}`;
    if (LONE_SURROGATE.test(name))
      problems.push({
        ...problemAt(at),
        message: "has a property name that is not well-formed Unicode (a lone UTF-16 surrogate)",
      });
    problems.push(...illFormedStrings(item, at));
  }
  return problems;
}

function problemAt(path: string): ValidationProblem {
  return {
    path: path || "/",
    keyword: "wellFormed",
    message: "must be well-formed Unicode: it holds a lone UTF-16 surrogate",
  };
}

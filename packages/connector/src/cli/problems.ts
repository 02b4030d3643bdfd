import type { ValidationProblem } from "../input/problem.js";

/** One line per problem, JSON Pointer first. */
export function formatProblems(subject: string, problems: ValidationProblem[]): string {
  return [`invalid input for ${subject}:`, ...problems.map((p) => `  ${p.path}: ${p.message}`)].join("\n");
}

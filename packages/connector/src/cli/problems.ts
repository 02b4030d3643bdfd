import type { ValidationProblem } from "../input/problem.js";
import type { InputWarning } from "../input/warning.js";
import type { CliIo } from "./io.js";

/** One line per problem, JSON Pointer first. */
export function formatProblems(subject: string, problems: ValidationProblem[]): string {
  return [`invalid input for ${subject}:`, ...problems.map((p) => `  ${p.path}: ${p.message}`)].join("\n");
}

/** One stderr line per ignored property, so that it shows whatever stdout is piped to. */
export function printWarnings(io: CliIo, warnings: readonly InputWarning[]): void {
  for (const warning of warnings) io.stderr(`warning: ${warning.path}: ${warning.message}\n`);
}

import { readFile } from "node:fs/promises";
import { type CliIo, CliUsageError } from "./io.js";

/**
 * Reads a JSON argument given inline (`'{"a":1}'`), from a file (`@input.json`) or from stdin
 * (`@-`). Errors name the option and the file, never the content (it may hold passwords).
 */
export async function readJsonArgument(io: CliIo, option: string, value: string): Promise<unknown> {
  let text = value;
  let source = `${option} value`;
  if (value.startsWith("@")) {
    const path = value.slice(1);
    source = path === "-" ? "standard input" : `file ${path}`;
    try {
      text = path === "-" ? await io.readStdin() : await readFile(path, "utf8");
    } catch (error) {
      throw new CliUsageError(
        `${option}: cannot read ${source}: ${(error as NodeJS.ErrnoException).code ?? "error"}`,
      );
    }
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new CliUsageError(`${option}: the ${source} is not valid JSON`);
  }
}

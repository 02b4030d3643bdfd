import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * A path under `test-artifacts/` of the current package (git-ignored), for what a test keeps
 * for people to look at, such as screenshots. The folder is created.
 */
export function artifactPath(fileName: string, packageDirectory = process.cwd()): string {
  const directory = resolve(packageDirectory, "test-artifacts");
  mkdirSync(directory, { recursive: true });
  return join(directory, fileName);
}

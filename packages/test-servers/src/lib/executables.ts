import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

// Debian installs the servers' programs in sbin folders, which a non-root PATH often lacks.
const extraDirectories = ["/usr/sbin", "/usr/local/sbin", "/sbin"];

/**
 * The absolute path of a program, from PATH or the sbin folders. Throws an error naming the
 * Debian package and the install script when it is missing, so a test run fails saying why.
 */
export function findExecutable(name: string, debianPackage: string): string {
  const directories = [...(process.env.PATH ?? "").split(delimiter), ...extraDirectories];
  for (const directory of directories) {
    if (!directory) continue;
    const candidate = join(directory, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  throw new Error(
    `${name} was not found in PATH or ${extraDirectories.join(", ")}: install the Debian package ` +
      `${debianPackage} (bash scripts/install-system-deps.sh installs every server the tests use)`,
  );
}

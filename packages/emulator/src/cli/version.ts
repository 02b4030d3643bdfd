import { readFileSync } from "node:fs";

/**
 * The package version for `--version`: read from the nearest `package.json` named
 * pingone-emulator above this file, whether it runs from `src/` or from `dist/`.
 */
function readVersion(): string {
  for (let up = 1; up <= 4; up++) {
    try {
      const pkg = JSON.parse(
        readFileSync(new URL(`${"../".repeat(up)}package.json`, import.meta.url), "utf8"),
      ) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === "pingone-emulator" && pkg.version) return pkg.version;
    } catch {
      // not at this level: keep climbing
    }
  }
  return "0.0.0";
}

export const EMULATOR_VERSION: string = readVersion();

import { readFileSync } from "node:fs";

/**
 * The package version, sent in `User-Agent: pingone-connector/<version>`. Read from the nearest
 * `package.json` named pingone-connector above this file, which holds whether it runs from
 * `dist/` or from the bundled CLI in `dist/bin/`.
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
      if (pkg.name === "pingone-connector" && pkg.version) return pkg.version;
    } catch {
      // not at this level: keep climbing
    }
  }
  return "0.0.0";
}

export const CONNECTOR_VERSION: string = readVersion();
export const USER_AGENT = `pingone-connector/${CONNECTOR_VERSION}`;

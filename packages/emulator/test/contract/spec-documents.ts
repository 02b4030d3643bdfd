import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

/**
 * The two third-party OpenAPI documents, kept verbatim with their licences in `specs/` (copied from
 * the project's shared pingone-specs folder; origin, commit and checksums in `specs/README.md`), so
 * the contract tests need nothing outside the repository. Located from this file so tests work
 * from any cwd.
 */
const SPECS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "specs");

export const COMMUNITY_SPEC_PATH = resolve(SPECS_DIR, "pingone-management.openapi.yml");
export const OFFICIAL_SPEC_PATH = resolve(SPECS_DIR, "pingone-go-client.openapi.yaml");

export interface OpenApiDocument {
  openapi: string;
  components: { schemas: Record<string, unknown> };
}

const cache = new Map<string, OpenApiDocument>();

/** Parses an OpenAPI document once per test process; the community file is 3 MB of YAML. */
export function loadSpecDocument(path: string): OpenApiDocument {
  const cached = cache.get(path);
  if (cached) return cached;
  if (!existsSync(path)) {
    throw new Error(
      `OpenAPI document not found at ${path}: the contract tests read the verbatim specs kept in test/contract/specs/.`,
    );
  }
  // The community file has a literal TAB in one description; yaml 2 accepts it, so no rewriting is needed.
  const document = parse(readFileSync(path, "utf8"), { maxAliasCount: -1 }) as OpenApiDocument;
  if (!document?.components?.schemas) throw new Error(`${path} has no components.schemas`);
  cache.set(path, document);
  return document;
}

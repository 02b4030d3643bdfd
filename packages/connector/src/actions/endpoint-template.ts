import { pathSegment } from "../input/path-segment.js";

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

/** The placeholder names of an endpoint template, in order: `["envID", "userID"]`. */
export function placeholdersOf(endpoint: string): string[] {
  return [...endpoint.matchAll(PLACEHOLDER)].map((match) => match[1]!);
}

/**
 * Fills `{{name}}` placeholders with URL-encoded path segments. Encoding turns `/`, `?` and `#`
 * into data, so a value can never add segments or a query; the dot segments `.` and `..`, which
 * URL parsers resolve, are refused by validation before this is called.
 */
export function fillEndpoint(endpoint: string, values: Record<string, string>): string {
  return endpoint.replace(PLACEHOLDER, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`No value for the endpoint placeholder {{${name}}}`);
    return pathSegment(value);
  });
}

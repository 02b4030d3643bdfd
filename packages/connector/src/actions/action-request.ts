import type { ApiRequest, QueryValue } from "../client/types.js";
import { HEADER_VALUE_RULE, isHeaderName, isHeaderValue } from "../input/header-value.js";
import { isSafePathSegment } from "../input/path-segment.js";
import { escapePointer, type ValidationProblem } from "../input/problem.js";
import { illFormedStrings } from "../input/well-formed.js";
import type { ActionDefinition } from "./definition.js";
import { fillEndpoint, placeholdersOf } from "./endpoint-template.js";
import { inputProblems } from "./input-problems.js";

/** Headers the connector owns: a playbook setting them would break or hijack the call. */
const RESERVED_HEADERS = new Set([
  "authorization",
  "proxy-authorization",
  "host",
  "content-length",
  "transfer-encoding",
  "connection",
]);

/** The request an action's input describes, or every problem that prevents building it. */
export type ActionRequestOutcome =
  | { ok: true; request: Omit<ApiRequest, "signal" | "transactionId"> }
  | { ok: false; problems: ValidationProblem[] };

type Group = Record<string, unknown>;

/**
 * Validates an action input and turns it into a PingOne call. Placeholder names and the
 * `Content-Type` header are matched whatever their capitalisation; `envID` defaults to the
 * environment of the connection. All problems are reported at once, with JSON Pointers into
 * the input as the caller wrote it.
 */
export function buildActionRequest(
  action: ActionDefinition,
  input: unknown,
  environmentId: string,
): ActionRequestOutcome {
  // Checked before anything else reads the input: no later step may see a string it cannot send.
  const illFormed = illFormedStrings(input);
  if (illFormed.length > 0) return { ok: false, problems: illFormed };
  const problems: ValidationProblem[] = [];
  const value = isObject(input) ? withoutEmptyUnlistedGroups(action, structuredClone(input)) : input;
  // Ajv reports pointers with canonical names; map them back to the keys the caller used.
  const renamed = new Map<string, string>();

  if (isObject(value)) {
    if (isObject(value.path_parameters)) {
      const folded = foldKeys(
        value.path_parameters,
        placeholdersOf(action.endpoint),
        "/path_parameters",
        problems,
        renamed,
      );
      for (const [name, given] of Object.entries(folded)) {
        if (typeof given === "string" && given !== "" && !isSafePathSegment(given)) {
          problems.push({
            path: callerPointer(`/path_parameters/${escapePointer(name)}`, renamed),
            keyword: "pathSegment",
            message: 'must not be "." or "..": a path parameter fills exactly one path segment',
          });
        }
      }
      value.path_parameters = folded;
    }
    if (isObject(value.headers)) {
      checkHeaders(value.headers, problems);
      value.headers = foldKeys(value.headers, ["Content-Type"], "/headers", problems, renamed);
    }
  }
  for (const problem of inputProblems(action.inputSchema, value)) {
    problems.push({ ...problem, path: callerPointer(problem.path, renamed) });
  }
  if (problems.length > 0 || !isObject(value)) return { ok: false, problems };

  const pathValues: Record<string, string> = {
    envID: environmentId,
    ...((value.path_parameters as Record<string, string> | undefined) ?? {}),
  };
  const headers = { ...((value.headers as Record<string, string> | undefined) ?? {}) };
  const contentType = headers["Content-Type"] ?? action.defaultContentType;
  delete headers["Content-Type"];
  const request: Omit<ApiRequest, "signal" | "transactionId"> = {
    method: action.method,
    path: apiPath(fillEndpoint(action.endpoint, pathValues)),
    query: value.parameters as Record<string, QueryValue> | undefined,
    headers,
  };
  if (contentType !== undefined) request.contentType = contentType;
  if (value.json_body !== undefined) request.body = value.json_body;
  if (action.idempotent) request.idempotent = true;
  return { ok: true, request };
}

/** The input groups a Swimlane action can have. */
const INPUT_GROUPS = new Set(["path_parameters", "parameters", "headers", "json_body"]);

/**
 * Turbine sends the input groups of its form even when they are empty: an empty one (`{}`) that
 * the action does not have asks for nothing and is dropped. A non-empty one stays an error.
 */
function withoutEmptyUnlistedGroups(action: ActionDefinition, input: Group): Group {
  const listed = action.inputSchema.properties;
  for (const [group, given] of Object.entries(input)) {
    const empty = isObject(given) && Object.keys(given).length === 0;
    if (empty && INPUT_GROUPS.has(group) && !Object.hasOwn(listed, group)) delete input[group];
  }
  return input;
}

/** Action endpoints are relative to the API host (`v1/...`); the client is rooted at `/v1`. */
function apiPath(endpoint: string): string {
  if (!endpoint.startsWith("v1/")) throw new Error(`Action endpoint must start with v1/: ${endpoint}`);
  return endpoint.slice("v1".length);
}

/**
 * Renames keys that equal a canonical name case-insensitively (`envid`, `EnvId` → `envID`).
 * Two spellings of one name are ambiguous and reported rather than silently merged.
 */
function foldKeys(
  group: Group,
  canonicalNames: string[],
  groupPointer: string,
  problems: ValidationProblem[],
  renamed: Map<string, string>,
): Group {
  const byLowerCase = new Map(canonicalNames.map((name) => [name.toLowerCase(), name]));
  const out: Group = {};
  const seenAs = new Map<string, string>();
  for (const [key, child] of Object.entries(group)) {
    const canonical = byLowerCase.get(key.toLowerCase()) ?? key;
    const earlier = seenAs.get(canonical);
    if (earlier !== undefined) {
      problems.push({
        path: `${groupPointer}/${escapePointer(key)}`,
        keyword: "duplicate",
        message: `duplicates ${earlier}: give ${canonical} once`,
      });
      continue;
    }
    seenAs.set(canonical, key);
    if (canonical !== key)
      renamed.set(`${groupPointer}/${escapePointer(canonical)}`, `${groupPointer}/${escapePointer(key)}`);
    out[canonical] = child;
  }
  return out;
}

/** Names the connector owns, and names or values HTTP cannot carry (the client would throw mid-call). */
function checkHeaders(headers: Group, problems: ValidationProblem[]): void {
  for (const [name, value] of Object.entries(headers)) {
    const path = `/headers/${escapePointer(name)}`;
    if (RESERVED_HEADERS.has(name.toLowerCase())) {
      problems.push({
        path,
        keyword: "reservedHeader",
        message: `${name} is set by the connector and cannot be given`,
      });
    } else if (!isHeaderName(name)) {
      problems.push({ path, keyword: "headerName", message: "is not a valid HTTP header name" });
    } else if (typeof value === "string" && !isHeaderValue(value)) {
      problems.push({ path, keyword: "headerValue", message: HEADER_VALUE_RULE });
    }
  }
}

function callerPointer(pointer: string, renamed: Map<string, string>): string {
  for (const [canonical, original] of renamed) {
    if (pointer === canonical || pointer.startsWith(`${canonical}/`))
      return original + pointer.slice(canonical.length);
  }
  return pointer;
}

function isObject(value: unknown): value is Group {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

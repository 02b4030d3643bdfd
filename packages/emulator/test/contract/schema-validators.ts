import { Ajv, type ValidateFunction } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { type CollectionKey, OVERLAY_SCHEMA, type OverlaySchemaName } from "./overlay.schemas.js";
import { COMMUNITY_SPEC_PATH, loadSpecDocument, OFFICIAL_SPEC_PATH } from "./spec-documents.js";

/** Keywords the documents use that are annotations only; registering them keeps Ajv from guessing. */
const ANNOTATION_KEYWORDS = [
  "example",
  "examples",
  "nullable",
  "discriminator",
  "xml",
  "externalDocs",
  "deprecated",
  "x-confidence",
  "x-source",
  "x-go-generate-error",
  "x-go-generate-error-code",
  "x-go-generate-error-message",
];

type AnyAjv = Ajv | Ajv2020;

function configure<T extends AnyAjv>(ajv: T): T {
  (addFormats as unknown as (a: AnyAjv) => void)(ajv);
  // Ajv already knows some of these depending on the draft (nullable, deprecated, examples).
  const known = new Set([...Object.keys(ajv.RULES.all), ...Object.keys(ajv.RULES.keywords)]);
  for (const keyword of ANNOTATION_KEYWORDS) {
    if (!known.has(keyword)) ajv.addKeyword({ keyword });
  }
  return ajv;
}

/** The community document is OpenAPI 3.0 (JSON Schema draft-04 flavour): plain Ajv. */
let communityAjv: Ajv | undefined;
function community(): Ajv {
  if (!communityAjv) {
    communityAjv = configure(new Ajv({ strict: false, allErrors: true }));
    // The whole components object becomes one schema resource, so `#/components/schemas/X` refs resolve.
    communityAjv.addSchema({
      $id: "community",
      components: loadSpecDocument(COMMUNITY_SPEC_PATH).components,
    });
    communityAjv.addSchema(OVERLAY_SCHEMA);
  }
  return communityAjv;
}

/** The official document is OpenAPI 3.1 (JSON Schema 2020-12): its strict error schemas. */
let officialAjv: Ajv2020 | undefined;
function official(): Ajv2020 {
  if (!officialAjv) {
    officialAjv = configure(new Ajv2020({ strict: false, allErrors: true }));
    officialAjv.addSchema({ $id: "official", components: loadSpecDocument(OFFICIAL_SPEC_PATH).components });
  }
  return officialAjv;
}

/** Component schemas of the community spec the emulator's responses are checked against. */
export type CommunitySchemaName =
  | "User"
  | "Group"
  | "GroupMembership"
  | "Population"
  | "RoleAssignment"
  | "Role"
  | "Environment"
  | "PasswordPolicy"
  | "P1Error"
  | "UserEnabled"
  | "UserPopulation"
  | "Agreement"
  | "AgreementLanguage"
  | "AgreementLanguageRevision"
  | "AgreementRevisionText"
  | "BrandingTheme"
  | "BrandingThemeDefault";

/**
 * The official spec's error schemas, one per HTTP status (docs/emulator.md#error-bodies,
 * docs/emulator.md#contract-tests).
 */
export const OFFICIAL_ERROR_SCHEMAS = {
  400: "BadRequestError",
  401: "UnauthorizedError",
  403: "ForbiddenError",
  404: "NotFoundError",
  415: "UnsupportedMediaTypeError",
  429: "TooManyRequestsError",
  500: "InternalServerError",
} as const;

export type OfficialSchemaName =
  | (typeof OFFICIAL_ERROR_SCHEMAS)[keyof typeof OFFICIAL_ERROR_SCHEMAS]
  | "EnvironmentResponse";

export type SchemaName = CommunitySchemaName | OverlaySchemaName | OfficialSchemaName;

const OFFICIAL_NAMES = new Set<string>([...Object.values(OFFICIAL_ERROR_SCHEMAS), "EnvironmentResponse"]);

const compiled = new Map<string, ValidateFunction>();

function pointerSegment(name: string): string {
  return name.replaceAll("~", "~0").replaceAll("/", "~1");
}

/** Compiles (once) the validator for a schema name from the overlay, the community or the official spec. */
export function validatorFor(name: SchemaName): ValidateFunction {
  const existing = compiled.get(name);
  if (existing) return existing;
  let validate: ValidateFunction;
  if (name in OVERLAY_SCHEMA.definitions) {
    validate = community().compile({ $ref: `overlay#/definitions/${pointerSegment(name)}` });
  } else if (OFFICIAL_NAMES.has(name)) {
    validate = official().compile({ $ref: `official#/components/schemas/${name}` });
  } else {
    const schemas = loadSpecDocument(COMMUNITY_SPEC_PATH).components.schemas;
    if (!(name in schemas)) throw new Error(`No schema named ${name} in the overlay or either spec`);
    validate = community().compile({ $ref: `community#/components/schemas/${name}` });
  }
  compiled.set(name, validate);
  return validate;
}

/** Returns the Ajv error text for `body` against `name`, or undefined when it matches. */
export function schemaErrors(body: unknown, name: SchemaName): string | undefined {
  const validate = validatorFor(name);
  if (validate(body)) return undefined;
  return (validate.errors ?? []).map((e) => `${e.instancePath || "(root)"} ${e.message ?? ""}`).join("; ");
}

function fail(name: string, errors: string, body: unknown): never {
  const excerpt = JSON.stringify(body)?.slice(0, 1500);
  throw new Error(`Response does not match schema ${name}: ${errors}\nBody: ${excerpt}`);
}

/** Throws with Ajv's explanation when `body` does not match the named schema. */
export function expectMatchesSchema(body: unknown, name: SchemaName): void {
  const errors = schemaErrors(body, name);
  if (errors !== undefined) fail(name, errors, body);
}

/**
 * Checks a collection response: the per-collection overlay shape (`_embedded.<key>`, `count`, `size`,
 * `_links.self`/`next`) with each item validated against its resource schema.
 */
export function expectCollection(body: unknown, key: CollectionKey): void {
  expectMatchesSchema(body, `Collection.${key}`);
}

/**
 * Checks an error body against the community `P1Error` and, for statuses the official spec covers,
 * its strict error schema (which pins `code`, detail codes, and requires `id`, `code`, `message`).
 */
export function expectPingOneError(status: number, body: unknown): void {
  expectMatchesSchema(body, "P1Error");
  const strict = (OFFICIAL_ERROR_SCHEMAS as Record<number, OfficialSchemaName>)[status];
  if (strict) expectMatchesSchema(body, strict);
}

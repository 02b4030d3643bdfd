import type { UserColumnChanges } from "../store/users.js";
import { USER_ATTRIBUTE_COLUMNS } from "../store/users-schema.js";
import { invalidData } from "./errors.js";
import type { FieldSpec, ObjectSpec } from "./validation.js";

// Character classes of the community spec's User schema (docs/emulator.md#users).
const GENERAL_TEXT = /^[\p{L}\p{M}\p{Zs}\p{S}\p{N}\p{P}]*$/u;
const NAME_TEXT = /^[\p{L}\p{M}\p{N}' .-]*$/u;
const STREET_TEXT = /^[\p{L}\p{M}\p{N}\p{Zs}\p{P}\n\r]*$/u;
const COUNTRY_CODE = /^[A-Z]{2}$/;
const TIMEZONE = /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)+$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

const text = (maxLength = 256, pattern: RegExp = GENERAL_TEXT): FieldSpec => ({
  kind: "string",
  minLength: 1,
  maxLength,
  pattern,
});

/** Attributes in USER_ATTRIBUTE_COLUMNS that a body cannot write as profile data. */
const NOT_PROFILE = new Set(["id", "population.id", "enabled", "lifecycle.status"]);

type Column = keyof UserColumnChanges;

/**
 * The profile attributes a body writes, from the one attribute → column map: top-level strings
 * (`title` → `title`) and the members of nested objects (`name.given` → `name_given`).
 */
const STRING_COLUMNS: Record<string, Column> = {};
const NESTED_COLUMNS: Record<string, Record<string, Column>> = {};
for (const [path, column] of Object.entries(USER_ATTRIBUTE_COLUMNS)) {
  if (NOT_PROFILE.has(path)) continue;
  const [attribute, member] = path.split(".") as [string, string | undefined];
  if (member === undefined) STRING_COLUMNS[attribute] = column as Column;
  else {
    NESTED_COLUMNS[attribute] ??= {};
    NESTED_COLUMNS[attribute][member] = column as Column;
  }
}

const READ_ONLY: FieldSpec = { kind: "readOnly" };

const COMMON_ATTRIBUTES: ObjectSpec = {
  username: text(128),
  email: { kind: "string", minLength: 3, maxLength: 256, pattern: EMAIL },
  name: {
    kind: "object",
    fields: {
      given: text(),
      family: text(256, NAME_TEXT),
      middle: text(),
      formatted: text(256, NAME_TEXT),
      honorificPrefix: text(),
      honorificSuffix: text(),
    },
  },
  address: {
    kind: "object",
    fields: {
      streetAddress: text(256, STREET_TEXT),
      locality: text(),
      region: text(),
      postalCode: text(40),
      countryCode: { kind: "string", pattern: COUNTRY_CODE },
    },
  },
  photo: { kind: "object", fields: { href: { kind: "string", minLength: 1, maxLength: 2048 } } },
  externalId: text(1024, /^[\s\S]*$/),
  accountId: text(256, /^[\s\S]*$/),
  type: text(),
  title: text(),
  nickname: text(),
  locale: text(),
  preferredLanguage: text(),
  timezone: { kind: "string", pattern: TIMEZONE },
  primaryPhone: { kind: "string", minLength: 1, maxLength: 32 },
  mobilePhone: { kind: "string", minLength: 1, maxLength: 32 },
  mfaEnabled: { kind: "boolean" },
  population: { kind: "object", fields: { id: { kind: "string", minLength: 1 } }, required: ["id"] },
  id: READ_ONLY,
  environment: READ_ONLY,
  account: READ_ONLY,
  createdAt: READ_ONLY,
  updatedAt: READ_ONLY,
  enabled: READ_ONLY,
  lastSignOn: READ_ONLY,
  memberOfGroupIDs: READ_ONLY,
  memberOfGroupNames: READ_ONLY,
  verifyStatus: READ_ONLY,
  _links: READ_ONLY,
  _embedded: READ_ONLY,
};

/** Body spec of each way a user is written (create, import, PUT, PATCH; docs/emulator.md#users). */
export function userBodySpec(kind: "create" | "import" | "replace" | "patch"): ObjectSpec {
  if (kind !== "import") {
    return {
      ...COMMON_ATTRIBUTES,
      emailVerified: READ_ONLY,
      lifecycle: READ_ONLY,
      identityProvider: READ_ONLY,
      password: READ_ONLY,
    };
  }
  return {
    ...COMMON_ATTRIBUTES,
    emailVerified: { kind: "boolean" },
    lifecycle: {
      kind: "object",
      fields: {
        status: { kind: "string", allowed: ["ACCOUNT_OK", "VERIFICATION_REQUIRED"] },
        suppressVerificationCode: { kind: "boolean" },
      },
    },
    identityProvider: {
      kind: "object",
      fields: {
        id: { kind: "string", minLength: 1 },
        type: {
          kind: "string",
          allowed: [
            "PING_ONE",
            "FACEBOOK",
            "GOOGLE",
            "LINKEDIN",
            "LINKEDIN_OIDC",
            "APPLE",
            "TWITTER",
            "AMAZON",
            "YAHOO",
            "MICROSOFT",
            "PAYPAL",
            "GITHUB",
            "OPENID_CONNECT",
            "SAML",
          ],
        },
      },
    },
    // Checked separately: a string or an object (see parseImportPassword).
    password: { kind: "anyObject" },
  };
}

type Body = Record<string, unknown>;

/**
 * Column values for the profile attributes of a body. `mode` "replace" writes every attribute
 * (absent → cleared); "merge" writes only those present (`null` clears; nested objects merge by key).
 */
export function profileColumns(body: Body, mode: "replace" | "merge"): UserColumnChanges {
  const changes: Record<string, unknown> = {};
  for (const [attribute, column] of Object.entries(STRING_COLUMNS)) {
    if (attribute in body || mode === "replace")
      changes[column] = (body[attribute] as string | null | undefined) ?? null;
  }
  for (const [attribute, columns] of Object.entries(NESTED_COLUMNS)) {
    const value = body[attribute] as Body | null | undefined;
    if (value === undefined && mode === "merge") continue;
    for (const [key, column] of Object.entries(columns)) {
      if (value === null || value === undefined) changes[column] = null;
      else if (key in value || mode === "replace")
        changes[column] = (value[key] as string | null | undefined) ?? null;
    }
  }
  if ("mfaEnabled" in body || mode === "replace") changes.mfa_enabled = body.mfaEnabled === true ? 1 : 0;
  // username is NOT NULL; a missing or null one was refused by validation before we get here.
  if (changes.username === null) delete changes.username;
  return changes as UserColumnChanges;
}

/** The environment's custom attributes present in the body, merged over `current` (null removes). */
export function customAttributeValues(
  body: Body,
  declared: readonly string[],
  current: Record<string, unknown>,
  mode: "replace" | "merge",
): Record<string, unknown> {
  const result: Record<string, unknown> = mode === "replace" ? {} : { ...current };
  for (const name of declared) {
    if (!Object.hasOwn(body, name)) continue;
    const value = body[name];
    if (value === null) delete result[name];
    else result[name] = value;
  }
  return result;
}

const CUSTOM_ATTRIBUTE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/**
 * Custom attribute names an environment declares: identifiers (they become JSON paths in filters)
 * that do not shadow a standard attribute.
 */
export function assertCustomAttributeNames(names: readonly string[], target: string): void {
  const standard = new Set(Object.keys(userBodySpec("import")).map((name) => name.toLowerCase()));
  const bad = names.filter((name) => !CUSTOM_ATTRIBUTE_NAME.test(name) || standard.has(name.toLowerCase()));
  if (bad.length > 0) {
    throw invalidData([
      {
        code: "INVALID_VALUE",
        target,
        message: `must be identifiers that are not standard user attributes: ${bad.join(", ")}`,
        innerError: { allowedPattern: CUSTOM_ATTRIBUTE_NAME.source },
      },
    ]);
  }
}

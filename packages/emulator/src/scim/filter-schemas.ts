import type { ComparisonOperator, LogicalOperator } from "./filter-ast.js";

/** One filterable attribute of a collection and what may be done with it. */
export interface FilterAttribute {
  /** Canonical spelling, as PingOne documents it; matched case-insensitively. */
  readonly name: string;
  readonly type: "string" | "boolean";
  readonly operators: readonly ComparisonOperator[];
  readonly caseInsensitive: boolean;
}

/** A bracketed attribute such as `memberOfGroups[id eq "…"]`. */
export interface FilterValuePath {
  readonly name: string;
  readonly subAttributes: readonly FilterAttribute[];
}

/** What one collection accepts in its `filter` query parameter. */
export interface FilterSchema {
  readonly attributes: readonly FilterAttribute[];
  readonly valuePaths: readonly FilterValuePath[];
  readonly logicalOperators: readonly LogicalOperator[];
  /** Resolves a name the fixed table does not know, e.g. a custom user attribute. */
  readonly customAttribute?: (name: string) => FilterAttribute | undefined;
}

const stringAttribute = (
  name: string,
  operators: readonly ComparisonOperator[],
  caseInsensitive = false,
): FilterAttribute => ({ name, type: "string", operators, caseInsensitive });

/** Options of the users filter that docs/emulator.md#filters marks unconfirmed. */
export interface UsersFilterOptions {
  /** Compare `username` and `email` ignoring (ASCII) case, as SCIM does by default. Default true. */
  readonly caseInsensitiveIdentifiers?: boolean;
  /**
   * Custom string attributes of the environment's user schema: return the attribute's canonical
   * name when `name` is one, else undefined.
   */
  readonly customAttribute?: (name: string) => string | undefined;
}

const USER_EQ_SW_STRING_ATTRIBUTES = [
  "accountId",
  "address.streetAddress",
  "address.locality",
  "address.region",
  "address.postalCode",
  "address.countryCode",
  "externalId",
  "locale",
  "mobilePhone",
  "name.formatted",
  "name.middle",
  "name.honorificPrefix",
  "name.honorificSuffix",
  "nickname",
  "photo.href",
  "preferredLanguage",
  "primaryPhone",
  "timezone",
  "title",
  "type",
] as const;

/** `GET P/users`: the table of docs/emulator.md#filters, plus `memberOfGroups[id eq "…"]`. */
export function usersFilterSchema(options: UsersFilterOptions = {}): FilterSchema {
  const identifiersCaseInsensitive = options.caseInsensitiveIdentifiers ?? true;
  const resolveCustom = options.customAttribute;
  return {
    attributes: [
      stringAttribute("username", ["eq", "sw"], identifiersCaseInsensitive),
      stringAttribute("email", ["eq", "sw", "ew"], identifiersCaseInsensitive),
      stringAttribute("name.given", ["eq", "sw", "ew", "co"]),
      stringAttribute("name.family", ["eq", "sw", "ew", "co"]),
      ...USER_EQ_SW_STRING_ATTRIBUTES.map((name) => stringAttribute(name, ["eq", "sw"])),
      stringAttribute("population.id", ["eq"]),
      { name: "enabled", type: "boolean", operators: ["eq"], caseInsensitive: false },
    ],
    valuePaths: [{ name: "memberOfGroups", subAttributes: [stringAttribute("id", ["eq"])] }],
    logicalOperators: ["and", "or"],
    ...(resolveCustom === undefined
      ? {}
      : {
          customAttribute: (name: string) => {
            const canonical = resolveCustom(name);
            return canonical === undefined ? undefined : stringAttribute(canonical, ["eq", "sw"]);
          },
        }),
  };
}

/** `GET /environments`: PingOne documents only `and` for this collection. */
export const environmentsFilterSchema: FilterSchema = {
  attributes: [
    stringAttribute("name", ["sw"]),
    stringAttribute("id", ["eq"]),
    stringAttribute("organization.id", ["eq"]),
    stringAttribute("license.id", ["eq"]),
    stringAttribute("status", ["eq"]),
  ],
  valuePaths: [],
  logicalOperators: ["and"],
};

export const populationsFilterSchema: FilterSchema = {
  attributes: [stringAttribute("name", ["sw"]), stringAttribute("id", ["eq"])],
  valuePaths: [],
  logicalOperators: ["and", "or"],
};

export const groupsFilterSchema: FilterSchema = {
  attributes: [
    stringAttribute("name", ["eq"]),
    stringAttribute("id", ["eq"]),
    stringAttribute("externalId", ["eq"]),
  ],
  valuePaths: [],
  logicalOperators: ["and", "or"],
};

/** `GET P/users/{id}/memberOfGroups`: `type eq "DIRECT"` compares its value ignoring case. */
export const membershipsFilterSchema: FilterSchema = {
  attributes: [stringAttribute("type", ["eq"], true)],
  valuePaths: [],
  logicalOperators: ["and", "or"],
};

/** Finds an attribute by name, ignoring case, falling back to the schema's custom resolver. */
export function findFilterAttribute(schema: FilterSchema, name: string): FilterAttribute | undefined {
  const wanted = name.toLowerCase();
  return (
    schema.attributes.find((attribute) => attribute.name.toLowerCase() === wanted) ??
    schema.customAttribute?.(name)
  );
}

export function findFilterValuePath(schema: FilterSchema, name: string): FilterValuePath | undefined {
  const wanted = name.toLowerCase();
  return schema.valuePaths.find((valuePath) => valuePath.name.toLowerCase() === wanted);
}

/** The names listed in `innerError.supportedAttributes`. */
export function supportedAttributeNames(schema: FilterSchema): string[] {
  return [
    ...schema.attributes.map((attribute) => attribute.name),
    ...schema.valuePaths.map((valuePath) => valuePath.name),
  ];
}

/** Every operator the collection accepts somewhere, for `innerError.supportedOperators`. */
export function supportedOperatorNames(schema: FilterSchema): string[] {
  const comparison = new Set<string>();
  for (const attribute of schema.attributes) {
    for (const operator of attribute.operators) comparison.add(operator);
  }
  for (const valuePath of schema.valuePaths) {
    for (const subAttribute of valuePath.subAttributes) {
      for (const operator of subAttribute.operators) comparison.add(operator);
    }
  }
  return [...comparison, ...schema.logicalOperators];
}

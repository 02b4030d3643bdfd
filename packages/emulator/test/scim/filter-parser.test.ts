import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ScimFilterError } from "../../src/scim/filter-error.js";
import { MAX_FILTER_COMPARISONS, MAX_FILTER_NESTING, parseFilter } from "../../src/scim/filter-parser.js";
import {
  environmentsFilterSchema,
  groupsFilterSchema,
  membershipsFilterSchema,
  populationsFilterSchema,
  usersFilterSchema,
} from "../../src/scim/filter-schemas.js";

const users = usersFilterSchema();

function rejection(filter: string, schema = users): ScimFilterError {
  try {
    parseFilter(filter, schema);
  } catch (error) {
    if (error instanceof ScimFilterError) return error;
    throw error;
  }
  throw new Error(`filter was accepted: ${filter}`);
}

const eq = (attribute: string, value: string | boolean, caseInsensitive = false) => ({
  kind: "comparison",
  attribute,
  operator: "eq",
  value,
  caseInsensitive,
});

describe("parseFilter on users", () => {
  it("parses a comparison, keeping the canonical attribute spelling", () => {
    expect(parseFilter('username eq "jdoe"', users)).toEqual(eq("username", "jdoe", true));
    expect(parseFilter('name.family co "oe"', users)).toEqual({
      kind: "comparison",
      attribute: "name.family",
      operator: "co",
      value: "oe",
      caseInsensitive: false,
    });
  });

  it("accepts keywords, operators and attribute names in any case", () => {
    expect(parseFilter('USERNAME EQ "a" AND Name.Given Sw "b" oR EMAIL ew "c"', users)).toEqual({
      kind: "logical",
      operator: "or",
      operands: [
        {
          kind: "logical",
          operator: "and",
          operands: [
            eq("username", "a", true),
            {
              kind: "comparison",
              attribute: "name.given",
              operator: "sw",
              value: "b",
              caseInsensitive: false,
            },
          ],
        },
        { kind: "comparison", attribute: "email", operator: "ew", value: "c", caseInsensitive: true },
      ],
    });
  });

  it("binds and tighter than or, and lets parentheses override it", () => {
    expect(parseFilter('title eq "a" or title eq "b" and title eq "c"', users)).toEqual({
      kind: "logical",
      operator: "or",
      operands: [
        eq("title", "a"),
        { kind: "logical", operator: "and", operands: [eq("title", "b"), eq("title", "c")] },
      ],
    });
    expect(parseFilter('(title eq "a" or title eq "b") and title eq "c"', users)).toEqual({
      kind: "logical",
      operator: "and",
      operands: [
        { kind: "logical", operator: "or", operands: [eq("title", "a"), eq("title", "b")] },
        eq("title", "c"),
      ],
    });
  });

  it("flattens chains of one operator, parenthesised or not", () => {
    expect(parseFilter('title eq "a" and (title eq "b" and title eq "c")', users)).toEqual({
      kind: "logical",
      operator: "and",
      operands: [eq("title", "a"), eq("title", "b"), eq("title", "c")],
    });
  });

  it("decodes JSON string escapes", () => {
    expect(parseFilter(String.raw`nickname eq "a\"b\\c\/d\n\t\u00e9"`, users)).toEqual(
      eq("nickname", 'a"b\\c/d\n\té'),
    );
    expect(parseFilter('nickname eq ""', users)).toEqual(eq("nickname", ""));
  });

  it("reads true and false for enabled, in any case", () => {
    expect(parseFilter("enabled eq true", users)).toEqual(eq("enabled", true));
    expect(parseFilter("enabled eq FALSE", users)).toEqual(eq("enabled", false));
  });

  it("parses memberOfGroups[id eq] and combines it", () => {
    expect(parseFilter('memberOfGroups[id eq "g-1"] and name.family eq "Doe"', users)).toEqual({
      kind: "logical",
      operator: "and",
      operands: [
        { kind: "valuePath", attribute: "memberOfGroups", subAttribute: "id", operator: "eq", value: "g-1" },
        eq("name.family", "Doe"),
      ],
    });
    expect(parseFilter('MEMBEROFGROUPS[ID EQ "g"]', users)).toMatchObject({ attribute: "memberOfGroups" });
  });

  it("accepts custom string attributes the caller resolves, with eq and sw", () => {
    const schema = usersFilterSchema({
      customAttribute: (name) => (name.toLowerCase() === "badgenumber" ? "badgeNumber" : undefined),
    });
    expect(parseFilter('BadgeNumber sw "12"', schema)).toMatchObject({
      attribute: "badgeNumber",
      operator: "sw",
    });
    expect(rejection('badgeNumber co "12"', schema).supportedOperators).toEqual(["eq", "sw"]);
    expect(rejection('shoeSize eq "12"', schema).supportedAttributes).toContain("username");
  });

  it("compares username and email exactly when the setting says so", () => {
    const exact = usersFilterSchema({ caseInsensitiveIdentifiers: false });
    expect(parseFilter('email eq "a@b.c"', exact)).toEqual(eq("email", "a@b.c", false));
  });
});

describe("parseFilter rejections", () => {
  it.each(["ne", "gt", "ge", "lt", "le"])("refuses the %s operator with the supported ones", (operator) => {
    const error = rejection(`username ${operator} "a"`);
    expect(error.message).toContain(`"${operator}"`);
    expect(error.supportedOperators).toEqual(["eq", "sw"]);
  });

  it("refuses pr", () => {
    expect(rejection("email pr").supportedOperators).toEqual(["eq", "sw", "ew"]);
  });

  it("refuses not, with or without parentheses", () => {
    expect(rejection('not (username eq "a")').message).toContain('"not"');
    expect(rejection('NOT username eq "a"').message).toContain('"not"');
    expect(rejection('not (username eq "a")').supportedOperators).toEqual([
      "eq",
      "sw",
      "ew",
      "co",
      "and",
      "or",
    ]);
  });

  it("refuses unknown attributes and lists the supported ones", () => {
    const error = rejection('lifecycle.status eq "ACCOUNT_OK"');
    expect(error.supportedAttributes).toContain("population.id");
    expect(error.supportedAttributes).toContain("memberOfGroups");
    expect(error.supportedAttributes).not.toContain("lifecycle.status");
    expect(rejection('identityProvider.type eq "SAML"').supportedAttributes).toBeDefined();
    expect(rejection('id eq "x"').supportedAttributes).toBeDefined();
  });

  it("refuses operators not allowed on the attribute", () => {
    expect(rejection('username ew "a"').supportedOperators).toEqual(["eq", "sw"]);
    expect(rejection('population.id sw "a"').supportedOperators).toEqual(["eq"]);
    expect(rejection("enabled sw true").supportedOperators).toEqual(["eq"]);
    expect(rejection('title co "a"').supportedOperators).toEqual(["eq", "sw"]);
  });

  it("refuses operators that SCIM does not have", () => {
    expect(rejection('username like "a"').message).toContain("not a filter operator");
  });

  it.each([
    ["an empty filter", "   "],
    ["a missing value", "username eq"],
    ["a missing operator", "username"],
    ["an unterminated string", 'username eq "abc'],
    ["an unknown escape", String.raw`username eq "a\x"`],
    ["a short \\u escape", String.raw`username eq "\u12"`],
    ["single quotes", "username eq 'a'"],
    ["a missing closing parenthesis", '(username eq "a"'],
    ["a stray closing parenthesis", 'username eq "a")'],
    ["trailing garbage", 'username eq "a" "b"'],
    ["a dangling and", 'username eq "a" and'],
    ["a leading or", 'or username eq "a"'],
    ["empty parentheses", "()"],
    ["a number value", "username eq 5"],
    ["a null value", "username eq null"],
    ["a string for enabled", 'enabled eq "true"'],
    ["an unknown word for enabled", "enabled eq yes"],
    ["two comparisons in brackets", 'memberOfGroups[id eq "a" or id eq "b"]'],
    ["an unclosed bracket", 'memberOfGroups[id eq "a"'],
    ["a boolean in brackets", "memberOfGroups[id eq true]"],
    ["an unknown character", 'username eq "a" & email eq "b"'],
  ])("refuses %s", (_case, filter) => {
    expect(rejection(filter)).toBeInstanceOf(ScimFilterError);
  });

  it("refuses bracket filters on anything but memberOfGroups[id eq]", () => {
    expect(rejection('memberOfGroups[name eq "x"]').supportedAttributes).toEqual(["id"]);
    expect(rejection('memberOfGroups[id sw "x"]').supportedOperators).toEqual(["eq"]);
    expect(rejection('emails[type eq "work"]').supportedAttributes).toContain("email");
    expect(rejection('memberOfGroups eq "x"').supportedAttributes).toContain("memberOfGroups");
  });

  it("bounds nesting depth and the number of comparisons", () => {
    const deep = `${"(".repeat(MAX_FILTER_NESTING + 1)}title eq "a"${")".repeat(MAX_FILTER_NESTING + 1)}`;
    expect(rejection(deep).message).toContain("nested too deeply");
    const nested = `${"(".repeat(MAX_FILTER_NESTING)}title eq "a"${")".repeat(MAX_FILTER_NESTING)}`;
    expect(parseFilter(nested, users)).toEqual(eq("title", "a"));
    const many = Array.from({ length: MAX_FILTER_COMPARISONS + 1 }, () => 'title eq "a"').join(" or ");
    expect(rejection(many).message).toContain("too many comparisons");
  });

  it("never echoes compared values in messages", () => {
    const error = rejection('username eq "s3cret-value" and password eq "s3cret-value"');
    expect(error.message).not.toContain("s3cret");
  });

  it("renders the INVALID_FILTER detail of an error body", () => {
    expect(rejection('username ne "a"').toDetail()).toEqual({
      code: "INVALID_FILTER",
      target: "filter",
      message: 'Operator "ne" is not supported on attribute "username".',
      innerError: { supportedOperators: ["eq", "sw"] },
    });
    expect(rejection("username eq").toDetail()).not.toHaveProperty("innerError");
  });
});

describe("other collections", () => {
  it("environments: name sw, id/organization.id/license.id/status eq, and only", () => {
    expect(parseFilter('name sw "Prod" and status eq "ACTIVE"', environmentsFilterSchema)).toMatchObject({
      operator: "and",
    });
    expect(
      parseFilter('organization.id eq "o" and license.id eq "l"', environmentsFilterSchema),
    ).toBeDefined();
    expect(rejection('id eq "a" or id eq "b"', environmentsFilterSchema).supportedOperators).toEqual([
      "sw",
      "eq",
      "and",
    ]);
    expect(rejection('name eq "Prod"', environmentsFilterSchema).supportedOperators).toEqual(["sw"]);
  });

  it("populations: name sw and id eq", () => {
    expect(parseFilter('name sw "Emp" or id eq "p"', populationsFilterSchema)).toMatchObject({
      operator: "or",
    });
    expect(rejection('name eq "Emp"', populationsFilterSchema).supportedOperators).toEqual(["sw"]);
    expect(rejection('alternativeIdentifiers eq "x"', populationsFilterSchema).supportedAttributes).toEqual([
      "name",
      "id",
    ]);
  });

  it("groups: name, id and externalId eq", () => {
    expect(parseFilter('externalId eq "x" or name eq "Admins"', groupsFilterSchema)).toMatchObject({
      operator: "or",
    });
    expect(rejection('name sw "Ad"', groupsFilterSchema).supportedOperators).toEqual(["eq"]);
  });

  it("memberships: type eq, compared ignoring case", () => {
    expect(parseFilter('type eq "direct"', membershipsFilterSchema)).toEqual(eq("type", "direct", true));
    expect(rejection('group.id eq "g"', membershipsFilterSchema).supportedAttributes).toEqual(["type"]);
  });
});

describe("string literals", () => {
  const jsonQuote = (value: string) => JSON.stringify(value);
  // What a client escaping only the two characters SCIM requires would send.
  const minimalQuote = (value: string) => `"${value.replace(/[\\"]/g, (character) => `\\${character}`)}"`;

  it("round-trip any string through JSON quoting", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (value) => {
        expect(parseFilter(`nickname eq ${jsonQuote(value)}`, users)).toEqual(eq("nickname", value));
      }),
      { numRuns: 500 },
    );
  });

  it("round-trip any string through minimal quoting", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (value) => {
        expect(parseFilter(`nickname eq ${minimalQuote(value)} or title sw "x"`, users)).toEqual({
          kind: "logical",
          operator: "or",
          operands: [
            eq("nickname", value),
            { kind: "comparison", attribute: "title", operator: "sw", value: "x", caseInsensitive: false },
          ],
        });
      }),
      { numRuns: 500 },
    );
  });
});

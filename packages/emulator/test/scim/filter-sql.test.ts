import Database from "better-sqlite3";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseFilter } from "../../src/scim/filter-parser.js";
import { usersFilterSchema } from "../../src/scim/filter-schemas.js";
import { compileFilterToSql, type FilterSqlResolver } from "../../src/scim/filter-sql.js";

// A minimal users table shaped like the emulator's, to run compiled fragments for real.
const COLUMNS: Readonly<Record<string, string>> = {
  username: "u.username",
  email: "u.email",
  "name.given": "u.given_name",
  "name.family": "u.family_name",
  enabled: "u.enabled",
  title: "u.title",
};

const resolver: FilterSqlResolver = {
  column(attribute) {
    const column = COLUMNS[attribute];
    if (column !== undefined) return { sql: column, params: [] };
    return { sql: "json_extract(u.custom, ?)", params: [`$.${attribute}`] };
  },
  valuePath(node) {
    return {
      sql: "EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = u.id AND m.group_id = ?)",
      params: [node.value],
    };
  },
};

const schema = usersFilterSchema({ customAttribute: (name) => (name === "badge" ? "badge" : undefined) });
let db: Database.Database;

function idsMatching(filter: string, filterSchema = schema): string[] {
  const where = compileFilterToSql(parseFilter(filter, filterSchema), resolver);
  return db
    .prepare(`SELECT id FROM users u WHERE u.environment_id = ? AND ${where.sql} ORDER BY id`)
    .pluck()
    .all("env", ...where.params) as string[];
}

beforeAll(() => {
  db = new Database(":memory:");
  db.exec(`
    CREATE TABLE users (
      id TEXT PRIMARY KEY, environment_id TEXT NOT NULL, username TEXT NOT NULL, email TEXT,
      given_name TEXT, family_name TEXT, enabled INTEGER NOT NULL, title TEXT, custom TEXT);
    CREATE INDEX users_username ON users (environment_id, username COLLATE NOCASE);
    CREATE TABLE memberships (user_id TEXT, group_id TEXT);
  `);
  const insert = db.prepare("INSERT INTO users VALUES (?, 'env', ?, ?, ?, ?, ?, ?, ?)");
  insert.run("1", "JDoe", "jdoe@Example.com", "John", "Doe", 1, "50%_off\\deal", '{"badge":"B-1"}');
  insert.run("2", "jsmith", "js@example.org", "Jane", "Smith*", 0, "500 off", '{"badge":"b-2"}');
  insert.run("3", "j_doe", "other@example.com", "Joe", "[Doe]?", 1, null, "{}");
  db.prepare("INSERT INTO memberships VALUES ('1', 'g1'), ('3', 'g1'), ('2', 'g2')").run();
});

afterAll(() => db.close());

describe("compileFilterToSql", () => {
  it("never puts values into the SQL text", () => {
    const fragment = compileFilterToSql(parseFilter(`username eq "x' OR 1=1 --"`, schema), resolver);
    expect(fragment).toEqual({ sql: "u.username = ? COLLATE NOCASE", params: ["x' OR 1=1 --"] });
    const exact = compileFilterToSql(parseFilter('badge eq "?"', schema), resolver);
    expect(exact).toEqual({
      sql: "(json_extract(u.custom, ?) = ? COLLATE NOCASE AND json_extract(u.custom, ?) = ? COLLATE BINARY)",
      params: ["$.badge", "?", "$.badge", "?"],
    });
    expect(idsMatching(`username eq "x' OR 1=1 --"`)).toEqual([]);
  });

  it("compares username and email ignoring case by default, exactly with the setting", () => {
    expect(idsMatching('username eq "jdoe"')).toEqual(["1"]);
    expect(idsMatching('email sw "JDOE@"')).toEqual(["1"]);
    const exact = usersFilterSchema({ caseInsensitiveIdentifiers: false });
    expect(idsMatching('username eq "jdoe"', exact)).toEqual([]);
    expect(idsMatching('username eq "JDoe"', exact)).toEqual(["1"]);
    expect(idsMatching('email sw "JDOE@"', exact)).toEqual([]);
  });

  it("treats LIKE wildcards in case-insensitive values literally", () => {
    expect(idsMatching('username sw "j_"')).toEqual(["3"]);
    expect(idsMatching('email ew "%.com"')).toEqual([]);
    expect(idsMatching('email ew "example.com"')).toEqual(["1", "3"]);
  });

  it("treats GLOB wildcards in case-exact values literally", () => {
    expect(idsMatching('name.family co "*"')).toEqual(["2"]);
    expect(idsMatching('name.family ew "]?"')).toEqual(["3"]);
    expect(idsMatching('name.family sw "[Doe"')).toEqual(["3"]);
    expect(idsMatching('name.family co "doe"')).toEqual([]);
    expect(idsMatching('title sw "50%_off\\\\"')).toEqual(["1"]);
    expect(idsMatching('title sw "50"')).toEqual(["1", "2"]);
  });

  it("matches booleans, group membership and custom attributes", () => {
    expect(idsMatching("enabled eq false")).toEqual(["2"]);
    expect(idsMatching('memberOfGroups[id eq "g1"] and name.family eq "Doe"')).toEqual(["1"]);
    expect(idsMatching('badge eq "b-2"')).toEqual(["2"]);
    expect(idsMatching('badge sw "B"')).toEqual(["1"]);
  });

  it("keeps and tighter than or, as parsed", () => {
    expect(idsMatching('username eq "jsmith" or username eq "jdoe" and enabled eq false')).toEqual(["2"]);
    expect(idsMatching('(username eq "jsmith" or username eq "jdoe") and enabled eq true')).toEqual(["1"]);
  });

  it.each([
    ["by default", schema],
    ["with exact-case identifiers", usersFilterSchema({ caseInsensitiveIdentifiers: false })],
  ])("answers a username eq from the case-insensitive index %s", (_case, filterSchema) => {
    const where = compileFilterToSql(parseFilter('username eq "jdoe"', filterSchema), resolver);
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN SELECT id FROM users u WHERE u.environment_id = ? AND ${where.sql}`)
      .all("env", ...where.params) as { detail: string }[];
    expect(plan.map((row) => row.detail).join("\n")).toMatch(
      /SEARCH u USING INDEX users_username \(environment_id=\? AND username=\?\)/,
    );
  });

  it("matches sw, ew and co exactly like string prefix, suffix and containment", () => {
    const alphabet = fc.constantFrom("a", "B", "%", "_", "\\", "*", "?", "[", "]", "é", " ");
    const text = fc.string({ unit: alphabet, maxLength: 8 });
    const probe = db.prepare("UPDATE users SET family_name = ? WHERE id = '3'");
    fc.assert(
      fc.property(text, text, fc.constantFrom("sw", "ew", "co"), (stored, value, operator) => {
        probe.run(stored);
        const expected =
          operator === "sw"
            ? stored.startsWith(value)
            : operator === "ew"
              ? stored.endsWith(value)
              : stored.includes(value);
        const matched = idsMatching(`name.family ${operator} ${JSON.stringify(value)}`).includes("3");
        expect(matched).toBe(expected);
      }),
      { numRuns: 400 },
    );
  });
});

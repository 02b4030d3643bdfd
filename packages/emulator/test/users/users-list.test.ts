import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmulatorFixture, startEmulatorFixture } from "../support/emulator-harness.js";

describe("users: list with SCIM filter, limit and cursor", () => {
  let fixture: EmulatorFixture;

  beforeAll(async () => {
    fixture = await startEmulatorFixture(
      { settings: { usersPageCap: 5 } },
      { customUserAttributes: ["department"] },
    );
    const people = [
      ["jdoe", "John.Doe@Example.com", "John", "Doe", "Sales"],
      ["jane", "jane@example.com", "Jane", "Doe", "Sales"],
      ["bob", "bob@corp.example", "Bob", "Builder", "Ops"],
      ["alice", "alice@corp.example", "Alice", "Liddell", "Ops"],
      ["carol", "carol@example.com", "Carol", "Danvers", "Space"],
      ["dave", "dave@example.com", "Dave", "Doeman", "Sales"],
      ["erin", "erin@example.com", "Erin", "Eagle", "Ops"],
    ];
    for (const [username, email, given, family, department] of people) {
      const result = await fixture.api("POST", "/users", {
        body: { username, email, name: { given, family }, department },
      });
      if (result.status !== 201) throw new Error(result.text);
    }
  });
  afterAll(() => fixture.stop());

  const filtered = (filter: string, extra = "") =>
    fixture.api("GET", `/users?filter=${encodeURIComponent(filter)}${extra}`);
  const usernames = (body: { _embedded: { users: { username: string }[] } }) =>
    body._embedded.users.map((user) => user.username).sort();

  it("finds a user by username eq, ignoring case by default", async () => {
    const result = await filtered('username eq "JDOE"');
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ count: 1, size: 1 });
    expect(result.body._embedded.users[0].username).toBe("jdoe");
    expect(result.body._links.self.href).toContain("/users?filter=");
  });

  it("compares usernames exactly when caseInsensitiveUsernameEmail is off", async () => {
    const exact = await startEmulatorFixture({ settings: { caseInsensitiveUsernameEmail: false } });
    try {
      await exact.api("POST", "/users", { body: { username: "MixedCase", email: "m@example.com" } });
      const lower = await exact.api("GET", `/users?filter=${encodeURIComponent('username eq "mixedcase"')}`);
      expect(lower.body.count).toBe(0);
      const same = await exact.api("GET", `/users?filter=${encodeURIComponent('username eq "MixedCase"')}`);
      expect(same.body.count).toBe(1);
    } finally {
      await exact.stop();
    }
  });

  it("supports sw, ew, co, and, or, parentheses, upper-case keywords and custom attributes", async () => {
    expect(usernames((await filtered('email ew "@corp.example"')).body)).toEqual(["alice", "bob"]);
    expect(usernames((await filtered('name.family co "oe"')).body)).toEqual(["dave", "jane", "jdoe"]);
    expect(usernames((await filtered('name.family eq "Doe" AND name.given sw "Ja"')).body)).toEqual(["jane"]);
    expect(
      usernames((await filtered('(username eq "bob" OR username eq "erin") and department eq "Ops"')).body),
    ).toEqual(["bob", "erin"]);
    expect(usernames((await filtered('department sw "Spa"')).body)).toEqual(["carol"]);
    expect((await filtered("enabled eq true")).body.count).toBe(7);
  });

  it("refuses unsupported operators and attributes with 400 INVALID_DATA/INVALID_FILTER", async () => {
    for (const filter of [
      'username ne "bob"',
      'title co "x"',
      "username pr",
      'nosuch eq "1"',
      'username eq "unterminated',
    ]) {
      const result = await filtered(filter);
      expect(result.status, filter).toBe(400);
      expect(result.body).toMatchObject({
        code: "INVALID_DATA",
        details: [{ code: "INVALID_FILTER", target: "filter" }],
      });
    }
  });

  it("caps pages at the page cap, pages with an opaque next link and reports count and size", async () => {
    const first = await fixture.api("GET", "/users?limit=100");
    expect(first.body).toMatchObject({ count: 7, size: 5 });
    const next = first.body._links.next.href as string;
    expect(new URL(next).searchParams.get("cursor")).toMatch(/^[A-Za-z0-9_-]+$/);
    const second = await fixture.api("GET", next.slice(next.indexOf("/users")));
    expect(second.body).toMatchObject({ count: 7, size: 2 });
    expect(second.body._links.next).toBeUndefined();
    const all = [...first.body._embedded.users, ...second.body._embedded.users].map(
      (user: { id: string }) => user.id,
    );
    expect(new Set(all).size).toBe(7);
    const small = await fixture.api("GET", "/users?limit=3");
    expect(small.body.size).toBe(3);
  });

  it("keeps the filter across pages", async () => {
    const first = await filtered('department eq "Ops"', "&limit=2");
    expect(first.body).toMatchObject({ count: 3, size: 2 });
    const next = first.body._links.next.href as string;
    const second = await fixture.api("GET", next.slice(next.indexOf("/users")));
    expect(second.body.size).toBe(1);
    expect(second.body._embedded.users[0].department).toBe("Ops");
  });

  it("refuses tampered or foreign cursors and bad limits with 400", async () => {
    const first = await fixture.api("GET", "/users?limit=2");
    const cursor = new URL(first.body._links.next.href).searchParams.get("cursor") as string;
    const otherQuery = await fixture.api("GET", `/users?limit=3&cursor=${cursor}`);
    expect(otherQuery.status).toBe(400);
    expect(otherQuery.body.code).toBe("INVALID_REQUEST");
    const garbage = await fixture.api("GET", "/users?cursor=bm90LWEtY3Vyc29y");
    expect(garbage.status).toBe(400);
    expect((await fixture.api("GET", "/users?limit=1001")).status).toBe(400);
    expect((await fixture.api("GET", "/users?limit=-1")).status).toBe(400);
  });

  it("keeps the unfiltered count right as users come and go", async () => {
    const before = (await fixture.api("GET", "/users")).body.count as number;
    const created = await fixture.api("POST", "/users", {
      body: { username: "transient", email: "t@example.com" },
    });
    expect((await fixture.api("GET", "/users")).body.count).toBe(before + 1);
    await fixture.api("DELETE", `/users/${created.body.id}`);
    expect((await fixture.api("GET", "/users")).body.count).toBe(before);
    const other = await startEmulatorFixture();
    try {
      expect((await other.api("GET", "/users")).body).toMatchObject({ count: 0, size: 0 });
    } finally {
      await other.stop();
    }
  });

  it("embeds populations on the list with expand=population", async () => {
    const result = await fixture.api("GET", "/users?limit=2&expand=population");
    for (const user of result.body._embedded.users)
      expect(user._embedded.population.id).toBe(user.population.id);
  });
});

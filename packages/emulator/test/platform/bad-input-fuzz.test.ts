import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmulatorFixture, startEmulatorFixture } from "../support/emulator-harness.js";

/** Filter fragments that get past a tokenizer, so the parser itself is exercised, not just rejected early. */
const FILTER_TOKENS = [
  "username",
  "email",
  "name.given",
  "enabled",
  "population.id",
  "memberOfGroups",
  "[",
  "]",
  "id",
  "eq",
  "sw",
  "ew",
  "co",
  "ne",
  "pr",
  "gt",
  "and",
  "or",
  "AND",
  "not",
  "(",
  ")",
  '"',
  '"x"',
  '"a\\"',
  "true",
  "false",
  "null",
  "1",
  ".",
  "type",
  "customThing",
  "\\",
  "'",
];

const MEDIA_TYPES = [
  "application/json",
  "application/vnd.pingidentity.user.import+json",
  "application/vnd.pingidentity.account.lock+json",
  "application/vnd.pingidentity.user.verify+json",
  "application/vnd.pingidentity.password.check+json",
  "application/vnd.pingidentity.password.set+json",
  "application/vnd.pingidentity.password.setValue+json",
  "application/vnd.pingidentity.password.reset+json",
  "application/vnd.pingidentity.password.recover+json",
  "application/vnd.pingidentity.account.link+json",
  "text/plain",
];

// Issue 3: malformed JSON, wrong types, unknown fields, bad filters and bad cursors each get a
// PingOne-shaped 4xx, never a 500, a hang or a crash. Random requests over real HTTP, fixed seed.
describe("bad input never breaks the emulator", () => {
  let fx: EmulatorFixture;
  let routes: [string, string][];
  beforeAll(async () => {
    fx = await startEmulatorFixture();
    const user = await fx.api("POST", "/users", { body: { username: "fuzz", email: "fuzz@example.com" } });
    const group = await fx.api("POST", "/groups", { body: { name: "Fuzz" } });
    const userPath = `/users/${(user.body as { id: string }).id}`;
    const groupPath = `/groups/${(group.body as { id: string }).id}`;
    const env = `/v1/environments/${fx.environment.environmentId}`;
    routes = [
      ["POST", `${env}/users`],
      ["PUT", `${env}${userPath}`],
      ["PATCH", `${env}${userPath}`],
      ["POST", `${env}${userPath}`],
      ["POST", `${env}${userPath}/password`],
      ["PUT", `${env}${userPath}/password`],
      ["PUT", `${env}${userPath}/enabled`],
      ["PUT", `${env}${userPath}/population`],
      ["POST", `${env}${userPath}/memberOfGroups`],
      ["POST", `${env}${userPath}/linkedAccounts`],
      ["POST", `${env}/groups`],
      ["PUT", `${env}${groupPath}`],
      ["POST", `${env}/populations`],
      ["GET", `${env}/users`],
      ["GET", `${env}/groups`],
      ["GET", `${env}${userPath}/memberOfGroups`],
      ["GET", "/v1/environments"],
      ["POST", "/_emulator/seed"],
      ["POST", "/_emulator/faults"],
      ["POST", "/_emulator/rate-limit"],
    ];
  });
  afterAll(() => fx?.stop());

  it("answers random bodies, media types, filters and cursors with a 4xx (or success), never a 5xx", async () => {
    const field = fc.oneof(fc.anything(), fc.string(), fc.integer(), fc.constant(null));
    const body = fc.oneof(
      fc.json(),
      fc.string(),
      fc
        .record(
          {
            username: field,
            email: field,
            name: field,
            password: field,
            value: field,
            id: field,
            unlockAt: field,
            verificationCode: field,
            enabled: field,
            identityProvider: field,
            externalId: field,
            userFilter: field,
            customData: field,
            lifecycle: field,
            rules: field,
            environments: field,
            requestsPerSecond: field,
          },
          { requiredKeys: [] },
        )
        .map((value) => JSON.stringify(value)),
    );
    const query = fc.oneof(
      fc.constant(""),
      fc
        .array(fc.constantFrom(...FILTER_TOKENS), { maxLength: 12 })
        .map((t) => `?filter=${encodeURIComponent(t.join(" "))}`),
      fc.string().map((s) => `?cursor=${encodeURIComponent(s)}&limit=${encodeURIComponent(s)}`),
      fc.string().map((s) => `?expand=${encodeURIComponent(s)}&include=${encodeURIComponent(s)}`),
    );
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.constantFrom(...MEDIA_TYPES),
        body,
        query,
        async (route, type, text, q) => {
          const [method, path] = route;
          const response = await fetch(`${fx.url}${path}${q}`, {
            method,
            headers: { authorization: `Bearer ${fx.token}`, "content-type": type },
            body: method === "GET" ? undefined : text,
          });
          const answer = await response.text();
          if (response.status >= 500)
            failures.push(`${response.status} ${method} ${path}${q} ${type}: ${answer.slice(0, 120)}`);
          if (response.status >= 400 && path.startsWith("/v1")) {
            const error = JSON.parse(answer) as { id?: unknown; code?: unknown; message?: unknown };
            if (
              typeof error.id !== "string" ||
              typeof error.code !== "string" ||
              typeof error.message !== "string"
            ) {
              failures.push(`${response.status} without a PingOne error body: ${method} ${path}`);
            }
          }
        },
      ),
      { numRuns: 1500, seed: 20261124 },
    );
    expect(failures).toEqual([]);
  });
});

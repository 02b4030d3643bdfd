import { describe, expect, it } from "vitest";
import type { DryRunReport } from "../../src/capabilities/kit/run.js";
import { createConnector } from "../../src/connector.js";
import { invokeError } from "../support/capability-harness.js";
import { useEmulatorConnector } from "../support/emulator-connector.js";
import { createTestUser, requestCount } from "../support/emulator-environment.js";

const fixture = useEmulatorConnector();

const usersUrl = () =>
  `${fixture.env.environment.apiUrl}/v1/environments/${fixture.env.environment.environmentId}/users`;

/** The method and URL of each request a dry run lists. */
const calls = (report: DryRunReport) => report.requests.map((request) => `${request.method} ${request.url}`);

describe("dry run", () => {
  it("stops at the user lookup whose answer the next request needs, and says so", async () => {
    const user = await createTestUser(fixture.env.client);
    const report = await fixture.connector.invoke(
      "setPassword",
      { matchAttribute: "username", identifier: user.username, passwordValue: "Sup3r-Secret!" },
      { dryRun: true },
    );
    expect(report.complete).toBe(false);
    expect(report.requests).toHaveLength(1);
    expect(report.requests[0]).toMatchObject({
      method: "GET",
      url: expect.stringContaining(`${usersUrl()}?filter=`),
      headers: { authorization: "Bearer [REDACTED]", accept: "application/json" },
    });
    expect(report.pendingOn).toContain(`GET ${fixture.env.environment.apiUrl}/v1/environments/`);
    expect(JSON.stringify(report)).not.toContain("Sup3r-Secret!");
    expect(JSON.stringify(report)).not.toContain(fixture.env.environment.clientSecret);
  });

  it("marks a lookup that is the last call as complete, with the escaped filter in the URL", async () => {
    const report = await fixture.connector.invoke(
      "readUser",
      { properties: { matchAttribute: "username", identifier: 'jo"hn' } },
      { dryRun: true },
    );
    expect(report.complete).toBe(true);
    expect(report.pendingOn).toBeUndefined();
    const url = new URL(report.requests[0]!.url);
    expect(url.searchParams.get("filter")).toBe('username eq "jo\\"hn"');
    expect(url.searchParams.get("limit")).toBe("2");
  });

  it("shows a create request's body with the password redacted, without a token or any call", async () => {
    // Nothing listens on port 9: any token request or API call would fail the run.
    const offline = createConnector({
      ...fixture.env.connection,
      apiUrl: "http://127.0.0.1:9",
      authUrl: "http://127.0.0.1:9",
    });
    const report = await offline.invoke(
      "createUser",
      { username: "dry", email: "dry@example.com", passwordForCreateUser: "Sup3r-Secret!", given: "Dry" },
      { dryRun: true },
    );
    expect(report.complete).toBe(true);
    expect(report.requests).toEqual([
      {
        method: "POST",
        url: `http://127.0.0.1:9/v1/environments/${fixture.env.environment.environmentId}/users`,
        headers: expect.objectContaining({
          "content-type": "application/vnd.pingidentity.user.import+json",
          authorization: "Bearer [REDACTED]",
        }),
        body: {
          username: "dry",
          email: "dry@example.com",
          name: { given: "Dry" },
          lifecycle: { status: "ACCOUNT_OK" },
          password: "[REDACTED]",
        },
      },
    ]);
    expect(report.error).toBeUndefined();
  });

  it("reports invalid input instead of requests", async () => {
    const report = await fixture.connector.invoke("checkPassword", { identifier: "x" }, { dryRun: true });
    expect(report.requests).toEqual([]);
    expect(report.error?.code).toBe("invalidInput");
    expect(report.error?.problems?.[0]?.path).toBe("/password");
  });

  it("shows every request the input fixes: a lookup by id does not stop it", async () => {
    const id = "f442f27a-6d9c-4280-891f-bed26a9bd9ce";
    const check = await fixture.connector.invoke(
      "checkPassword",
      { matchAttribute: "id", identifier: id, password: "Sup3r-Secret!" },
      { dryRun: true },
    );
    expect(check.complete).toBe(true);
    expect(calls(check)).toEqual([`GET ${usersUrl()}/${id}`, `POST ${usersUrl()}/${id}/password`]);
    expect(check.requests[1]).toMatchObject({
      headers: { "content-type": "application/vnd.pingidentity.password.check+json" },
      body: { password: "[REDACTED]" },
    });
    const update = await fixture.connector.invoke(
      "updateUser",
      {
        identifier: id,
        given: "Dry",
        additionalUserProperties: [
          { name: "enabled", value: "false" },
          { name: "mfaEnabled", value: "true" },
        ],
      },
      { dryRun: true },
    );
    expect(update.complete).toBe(true);
    expect(calls(update)).toEqual([
      `GET ${usersUrl()}/${id}`,
      `PATCH ${usersUrl()}/${id}`,
      `PUT ${usersUrl()}/${id}/mfaEnabled`,
      `PUT ${usersUrl()}/${id}/enabled`,
    ]);
    expect(update.requests.map((request) => request.body)).toEqual([
      undefined,
      { name: { given: "Dry" } },
      { mfaEnabled: true },
      { enabled: false },
    ]);
    const lookup = await fixture.connector.invoke(
      "userLookup",
      { matchAttributes: ["id", "username"], userIdentifierForFindUser: id },
      { dryRun: true },
    );
    expect(lookup.complete).toBe(true);
    expect(calls(lookup)).toEqual([
      `GET ${usersUrl()}/${id}`,
      expect.stringContaining(`GET ${usersUrl()}?filter=`),
    ]);
  });

  it("stops where the next request depends on PingOne's answer: the id of a created user", async () => {
    const report = await fixture.connector.invoke(
      "createUser",
      {
        username: "dry",
        email: "dry@example.com",
        additionalUserProperties: [{ name: "enabled", value: false }],
      },
      { dryRun: true },
    );
    expect(report.complete).toBe(false);
    expect(calls(report)).toEqual([`POST ${usersUrl()}`]);
    expect(report.pendingOn).toContain(`POST ${usersUrl()}`);
  });

  it("reaches the verdict of the real call, which refuses the input before its first request", async () => {
    const user = await createTestUser(fixture.env.client);
    const cases: [string, Record<string, unknown>, string][] = [
      [
        "updateUser",
        {
          matchAttribute: "username",
          identifier: user.username,
          additionalUserProperties: [{ name: "id", value: "x" }],
        },
        "invalidInput",
      ],
      [
        "updateUser",
        {
          matchAttribute: "username",
          identifier: user.username,
          additionalUserProperties: [{ name: "mfaEnabled", value: "on" }],
        },
        "invalidValue",
      ],
      [
        "updateUser",
        { matchAttribute: "username", identifier: user.username, clearUserAttributes: ["enabled"] },
        "invalidInput",
      ],
      [
        "createUser",
        {
          username: "dry",
          email: "dry@example.com",
          population: "useAlternativeId",
          alternativeIdentifier: "example.com",
          additionalUserProperties: [{ name: "account.status", value: "OK" }],
        },
        "invalidInput",
      ],
    ];
    for (const [id, input, code] of cases) {
      const dry = await fixture.connector.invoke(id, input, { dryRun: true });
      expect(dry.error?.code, `${id} dry run`).toBe(code);
      expect(dry.requests, `${id} dry run`).toEqual([]);
      const before = await requestCount(fixture.env.url);
      expect((await invokeError(fixture.connector, id, input)).code, id).toBe(code);
      expect(await requestCount(fixture.env.url), `${id} made a request`).toBe(before);
    }
  });
});

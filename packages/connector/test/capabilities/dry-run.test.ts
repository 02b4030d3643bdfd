import { describe, expect, it } from "vitest";
import { createConnector } from "../../src/connector.js";
import { useEmulatorConnector } from "../support/emulator-connector.js";
import { createTestUser } from "../support/emulator-environment.js";

const fixture = useEmulatorConnector();

describe("dry run", () => {
  it("stops at the user lookup whose answer the next request needs, and says so", async () => {
    const user = await createTestUser(fixture.env.client);
    const report = await fixture.connector.invoke(
      "setPassword",
      { matchAttribute: "id", identifier: user.id, passwordValue: "Sup3r-Secret!" },
      { dryRun: true },
    );
    expect(report.complete).toBe(false);
    expect(report.requests).toHaveLength(1);
    expect(report.requests[0]).toMatchObject({
      method: "GET",
      url: `${fixture.env.environment.apiUrl}/v1/environments/${fixture.env.environment.environmentId}/users/${user.id}`,
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
});

import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ActionInputError } from "../../src/actions/action-errors.js";
import { ACTIONS, findAction } from "../../src/actions/index.js";
import type { PingOneClient } from "../../src/client/types.js";
import { type Connector, createConnector } from "../../src/connector.js";
import type { SwimlaneEnvelope } from "../../src/envelopes/swimlane.js";
import {
  createTestUser,
  type EmulatorEnvironment,
  requestCount,
  startEmulatorEnvironment,
} from "../support/emulator-environment.js";
import { compileSchema } from "../support/schema-validator.js";
import { SWIMLANE_ACTION_NAMES } from "../support/swimlane-actions.js";

let env: EmulatorEnvironment;
let connector: Connector;
let userId: string;
let username: string;
let groupName: string;

beforeAll(async () => {
  env = await startEmulatorEnvironment();
  connector = createConnector(env.connection, { client: { retry: { maxAttempts: 1 } } });
  const user = await createTestUser(env.client);
  userId = user.id;
  username = user.username;
  groupName = `Managers-${randomUUID().slice(0, 6)}`;
  await addToNewGroup(env.client, userId, groupName);
});

afterAll(async () => {
  await connector?.close();
  await env?.stop();
});

async function addToNewGroup(client: PingOneClient, user: string, name: string): Promise<string> {
  const group = await client.request<{ id: string }>({
    method: "POST",
    path: `/environments/${client.environmentId}/groups`,
    body: { name },
  });
  await client.request({
    method: "POST",
    path: `/environments/${client.environmentId}/users/${user}/memberOfGroups`,
    body: { id: group.body.id },
  });
  return group.body.id;
}

/** The envelope validates against the action's output schema. */
function expectMatchesOutputSchema(name: string, envelope: SwimlaneEnvelope): void {
  const validate = compileSchema(findAction(name)!.outputSchema);
  expect(validate(envelope), JSON.stringify(validate.errors)).toBe(true);
}

async function expectRefused(name: string, input: unknown): Promise<ActionInputError> {
  const error = await connector.runAction(name, input).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ActionInputError);
  return error as ActionInputError;
}

const missingUser = () => randomUUID();

describe("the Swimlane action registry", () => {
  it("has the ten actions of the product page, each with an output schema of the envelope", () => {
    expect(ACTIONS.map((action) => action.name)).toEqual(SWIMLANE_ACTION_NAMES);
    for (const action of ACTIONS) {
      expect(Object.keys(action.outputSchema.properties)).toEqual([
        "status_code",
        "response_headers",
        "reason",
        "json_body",
        "response_text",
      ]);
    }
  });
});

describe("get_all_environments", () => {
  it("lists the environments the worker can see", async () => {
    const envelope = await connector.runAction("get_all_environments", { parameters: { limit: 10 } });
    expect(envelope.status_code).toBe(200);
    expect(envelope.reason).toBe("OK");
    expect(envelope.response_headers["content-type"]).toMatch(/application\/json/);
    const body = envelope.json_body as { _embedded: { environments: { id: string }[] }; size: number };
    expect(body._embedded.environments.map((e) => e.id)).toContain(env.environment.environmentId);
    expectMatchesOutputSchema("get_all_environments", envelope);
  });

  it("returns PingOne's 400 for a filter it rejects in the envelope", async () => {
    const envelope = await connector.runAction("get_all_environments", { parameters: { filter: "name pr" } });
    expect(envelope.status_code).toBe(400);
    expect(envelope.reason).toBe("Bad Request");
    expect(envelope.json_body).toMatchObject({ code: "INVALID_DATA", details: [{ code: "INVALID_FILTER" }] });
    expectMatchesOutputSchema("get_all_environments", envelope);
  });

  it("refuses a limit that is not a number", async () => {
    const error = await expectRefused("get_all_environments", { parameters: { limit: "ten" } });
    expect(error.problems).toEqual([expect.objectContaining({ path: "/parameters/limit", keyword: "type" })]);
  });
});

describe("get_all_group_memberships_for_user", () => {
  it("returns the user's memberships with the groups embedded", async () => {
    const envelope = await connector.runAction("get_all_group_memberships_for_user", {
      path_parameters: { userID: userId },
      parameters: { expand: "group", limit: 100 },
    });
    expect(envelope.status_code).toBe(200);
    const body = envelope.json_body as {
      _embedded: { groupMemberships: { type: string; _embedded: { group: { name: string } } }[] };
      count: number;
    };
    expect(body.count).toBe(1);
    expect(body._embedded.groupMemberships[0]).toMatchObject({
      type: "DIRECT",
      _embedded: { group: { name: groupName } },
    });
    expectMatchesOutputSchema("get_all_group_memberships_for_user", envelope);
  });

  it("returns 404 for an unknown user in the envelope", async () => {
    const envelope = await connector.runAction("get_all_group_memberships_for_user", {
      path_parameters: { userID: missingUser() },
    });
    expect(envelope.status_code).toBe(404);
    expect(envelope.json_body).toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses an input without the user, naming the missing group", async () => {
    const error = await expectRefused("get_all_group_memberships_for_user", {
      parameters: { expand: "group" },
    });
    expect(error.problems.map((p) => p.path)).toEqual(["/path_parameters"]);
  });
});

describe("get_all_group_names_for_user", () => {
  it("returns the user with memberOfGroupNames", async () => {
    const envelope = await connector.runAction("get_all_group_names_for_user", {
      path_parameters: { userID: userId },
      parameters: { include: "memberOfGroupNames" },
    });
    expect(envelope.status_code).toBe(200);
    expect(envelope.json_body).toMatchObject({ id: userId, memberOfGroupNames: [groupName] });
    expectMatchesOutputSchema("get_all_group_names_for_user", envelope);
  });

  it("returns 404 for an unknown user in the envelope", async () => {
    const envelope = await connector.runAction("get_all_group_names_for_user", {
      path_parameters: { userID: missingUser() },
      parameters: { include: "memberOfGroupNames" },
    });
    expect(envelope.status_code).toBe(404);
  });

  it("refuses an input without the required include", async () => {
    const error = await expectRefused("get_all_group_names_for_user", {
      path_parameters: { userID: userId },
      parameters: {},
    });
    expect(error.problems).toEqual([
      expect.objectContaining({ path: "/parameters/include", keyword: "required" }),
    ]);
  });
});

describe("get_all_sessions", () => {
  it("lists the user's sessions", async () => {
    const envelope = await connector.runAction("get_all_sessions", { path_parameters: { userID: userId } });
    expect(envelope.status_code).toBe(200);
    expect(envelope.json_body).toMatchObject({ _embedded: { sessions: expect.any(Array) } });
    expectMatchesOutputSchema("get_all_sessions", envelope);
  });

  it("returns 404 for an unknown user in the envelope", async () => {
    const envelope = await connector.runAction("get_all_sessions", {
      path_parameters: { userID: missingUser() },
    });
    expect(envelope.status_code).toBe(404);
  });

  it("refuses a dot segment as the user ID", async () => {
    const error = await expectRefused("get_all_sessions", { path_parameters: { userID: ".." } });
    expect(error.problems).toEqual([
      expect.objectContaining({ path: "/path_parameters/userID", keyword: "pathSegment" }),
    ]);
  });
});

describe("get_linked_accounts", () => {
  it("lists the user's linked accounts", async () => {
    const envelope = await connector.runAction("get_linked_accounts", {
      path_parameters: { userID: userId },
      parameters: { expand: "identityProviders" },
    });
    expect(envelope.status_code).toBe(200);
    expect(envelope.json_body).toMatchObject({ _embedded: { linkedAccounts: [] }, count: 0 });
    expectMatchesOutputSchema("get_linked_accounts", envelope);
  });

  it("returns 404 for an unknown user in the envelope", async () => {
    const envelope = await connector.runAction("get_linked_accounts", {
      path_parameters: { userID: missingUser() },
      parameters: { expand: "identityProviders" },
    });
    expect(envelope.status_code).toBe(404);
  });

  it("refuses an expand that is not a string, and accepts none", async () => {
    const error = await expectRefused("get_linked_accounts", {
      path_parameters: { userID: userId },
      parameters: { expand: ["identityProviders"] },
    });
    expect(error.problems).toEqual([
      expect.objectContaining({ path: "/parameters/expand", keyword: "type" }),
    ]);
    const withoutExpand = await connector.runAction("get_linked_accounts", {
      path_parameters: { userID: userId },
    });
    expect(withoutExpand.status_code).toBe(200);
  });
});

describe("get_role_assignments", () => {
  it("lists the user's role assignments", async () => {
    const envelope = await connector.runAction("get_role_assignments", {
      path_parameters: { userID: userId },
    });
    expect(envelope.status_code).toBe(200);
    expect(envelope.json_body).toMatchObject({ _embedded: { roleAssignments: expect.any(Array) } });
    expectMatchesOutputSchema("get_role_assignments", envelope);
  });

  it("returns 404 for an unknown user in the envelope", async () => {
    const envelope = await connector.runAction("get_role_assignments", {
      path_parameters: { userID: missingUser() },
    });
    expect(envelope.status_code).toBe(404);
  });

  it("refuses a group the action does not have", async () => {
    const error = await expectRefused("get_role_assignments", {
      path_parameters: { userID: userId },
      json_body: { any: "thing" },
    });
    expect(error.problems).toEqual([
      expect.objectContaining({ path: "/json_body", keyword: "additionalProperties" }),
    ]);
  });
});

describe("input groups and headers, for every action", () => {
  it("refuses a header name or value HTTP cannot carry, before any call", async () => {
    const before = await requestCount(env.url);
    const error = await expectRefused("user_account_unlock", {
      path_parameters: { userID: userId },
      headers: { "Content-Type": "application/json\r\nX-Injected: 1", "X-Note": "日本", "Bad Name": "x" },
    });
    expect(error.problems).toEqual([
      expect.objectContaining({ path: "/headers/Content-Type", keyword: "headerValue" }),
      expect.objectContaining({ path: "/headers/X-Note", keyword: "headerValue" }),
      expect.objectContaining({ path: "/headers/Bad Name", keyword: "headerName" }),
    ]);
    expect(await requestCount(env.url)).toBe(before);
  });

  it("accepts the empty groups Turbine sends for a page that lists no such parameters", async () => {
    const envelope = await connector.runAction("get_role_assignments", {
      path_parameters: { userID: userId },
      parameters: {},
      headers: {},
      json_body: {},
    });
    expect(envelope.status_code).toBe(200);
    const error = await expectRefused("get_role_assignments", {
      path_parameters: { userID: userId },
      parameters: { limit: 1 },
      extra: {},
    });
    expect(error.problems).toEqual([
      expect.objectContaining({ path: "/parameters", keyword: "additionalProperties" }),
      expect.objectContaining({ path: "/extra", keyword: "additionalProperties" }),
    ]);
  });
});

describe("get_user_by_id", () => {
  it("returns the user with its population embedded", async () => {
    const envelope = await connector.runAction("get_user_by_id", {
      path_parameters: { userID: userId },
      parameters: { include: "memberOfGroupNames", expand: "population" },
    });
    expect(envelope.status_code).toBe(200);
    expect(envelope.json_body).toMatchObject({
      id: userId,
      username,
      memberOfGroupNames: [groupName],
      _embedded: { population: { id: expect.any(String) } },
    });
    expectMatchesOutputSchema("get_user_by_id", envelope);
  });

  it("returns 404 for an unknown user in the envelope", async () => {
    const envelope = await connector.runAction("get_user_by_id", {
      path_parameters: { userID: missingUser() },
      parameters: { expand: "population" },
    });
    expect(envelope.status_code).toBe(404);
    expect(envelope.reason).toBe("Not Found");
    expect(envelope.json_body).toMatchObject({
      code: "NOT_FOUND",
      id: expect.any(String),
      message: expect.any(String),
    });
    expectMatchesOutputSchema("get_user_by_id", envelope);
  });

  it("reports every problem at once, each with a JSON pointer", async () => {
    const error = await expectRefused("get_user_by_id", {
      path_parameters: { userID: 42 },
      parameters: { include: ["memberOfGroupNames"], expand: 5 },
    });
    expect(error.problems.map((p) => p.path).sort()).toEqual([
      "/parameters/expand",
      "/parameters/include",
      "/path_parameters/userID",
    ]);
  });
});

describe("get_users", () => {
  it("finds users with a SCIM filter", async () => {
    const envelope = await connector.runAction("get_users", {
      parameters: { filter: `username eq "${username}"`, limit: 100 },
    });
    expect(envelope.status_code).toBe(200);
    expect(envelope.json_body).toMatchObject({ _embedded: { users: [{ id: userId, username }] }, count: 1 });
    expectMatchesOutputSchema("get_users", envelope);
  });

  it("returns PingOne's 400 for an unsupported filter operator in the envelope", async () => {
    const envelope = await connector.runAction("get_users", { parameters: { filter: `username ne "x"` } });
    expect(envelope.status_code).toBe(400);
    expect(envelope.json_body).toMatchObject({ code: "INVALID_DATA", details: [{ code: "INVALID_FILTER" }] });
  });

  it("refuses a path parameter the endpoint has no placeholder for", async () => {
    const error = await expectRefused("get_users", { path_parameters: { userID: userId } });
    expect(error.problems).toEqual([
      expect.objectContaining({ path: "/path_parameters/userID", keyword: "additionalProperties" }),
    ]);
  });
});

describe("user_account_lock", () => {
  it("locks the account until the given time", async () => {
    const user = await createTestUser(env.client);
    const unlockAt = new Date(Date.now() + 3_600_000).toISOString();
    const envelope = await connector.runAction("user_account_lock", {
      path_parameters: { userID: user.id },
      headers: { "Content-Type": "application/vnd.pingidentity.account.lock+json" },
      json_body: { unlockAt },
    });
    expect(envelope.status_code).toBe(200);
    expect(envelope.json_body).toMatchObject({
      id: user.id,
      account: { canAuthenticate: false, status: "LOCKED" },
      _links: { "account.unlock": { href: expect.any(String) } },
    });
    const account = (envelope.json_body as { account: { unlockAt: string } }).account;
    expect(Date.parse(account.unlockAt)).toBe(Date.parse(unlockAt));
    expectMatchesOutputSchema("user_account_lock", envelope);
  });

  it("passes a wrong media type through and returns PingOne's 415 in the envelope", async () => {
    const envelope = await connector.runAction("user_account_lock", {
      path_parameters: { userID: userId },
      headers: { "Content-Type": "application/json" },
      json_body: {},
    });
    expect(envelope.status_code).toBe(415);
    expect(envelope.json_body).toMatchObject({ code: "INVALID_REQUEST" });
  });

  it("refuses an unlockAt that is not an ISO 8601 date-time", async () => {
    const error = await expectRefused("user_account_lock", {
      path_parameters: { userID: userId },
      json_body: { unlockAt: "tomorrow" },
    });
    expect(error.problems).toEqual([
      expect.objectContaining({ path: "/json_body/unlockAt", keyword: "format" }),
    ]);
  });
});

describe("user_account_unlock", () => {
  it("unlocks a locked account, sending the unlock media type when none is given", async () => {
    const user = await createTestUser(env.client);
    await connector.runAction("user_account_lock", { path_parameters: { userID: user.id } });
    const envelope = await connector.runAction("user_account_unlock", {
      path_parameters: { userID: user.id },
    });
    expect(envelope.status_code).toBe(200);
    expect(envelope.json_body).toMatchObject({ account: { canAuthenticate: true, status: "OK" } });
    expectMatchesOutputSchema("user_account_unlock", envelope);
  });

  it("returns 404 for an unknown user in the envelope", async () => {
    const envelope = await connector.runAction("user_account_unlock", {
      path_parameters: { userID: missingUser() },
      headers: { "Content-Type": "application/vnd.pingidentity.account.unlock+json" },
    });
    expect(envelope.status_code).toBe(404);
  });

  it("refuses an Authorization header: the connector owns it", async () => {
    const error = await expectRefused("user_account_unlock", {
      path_parameters: { userID: userId },
      headers: { Authorization: "Bearer something" },
    });
    expect(error.problems).toEqual([
      expect.objectContaining({ path: "/headers/Authorization", keyword: "reservedHeader" }),
    ]);
    expect(error.message).not.toContain("something");
  });
});

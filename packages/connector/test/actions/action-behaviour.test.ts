import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ActionInputError, UnknownActionError } from "../../src/actions/action-errors.js";
import { findAction } from "../../src/actions/index.js";
import { PingOneTokenError } from "../../src/client/errors/token-error.js";
import { PingOneTransportError } from "../../src/client/errors/transport-error.js";
import { type Connector, createConnector } from "../../src/connector.js";
import {
  createTestUser,
  type EmulatorEnvironment,
  startEmulatorEnvironment,
} from "../support/emulator-environment.js";
import { compileSchema } from "../support/schema-validator.js";

let env: EmulatorEnvironment;
let connector: Connector;
let userId: string;

beforeAll(async () => {
  env = await startEmulatorEnvironment();
  connector = createConnector(env.connection, { client: { retry: { maxAttempts: 1 } } });
  userId = (await createTestUser(env.client)).id;
});

afterAll(async () => {
  await connector?.close();
  await env?.stop();
});

async function apiCallCount(): Promise<number> {
  const stats = (await (await fetch(`${env.url}/_emulator/stats`)).json()) as {
    tokensIssued: number;
    requests: { count: number }[];
  };
  return stats.tokensIssued + stats.requests.reduce((sum, entry) => sum + entry.count, 0);
}

async function injectFault(rule: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${env.url}/_emulator/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ rules: [rule] }),
  });
  expect(response.status).toBe(201);
}

describe("the product page's input examples", () => {
  // Printed examples show one group each; the user ID they leave out is added where the endpoint needs it.
  const examples: [string, Record<string, unknown>][] = [
    ["get_all_environments", { parameters: { expand: "string", limit: 123, filter: "string" } }],
    [
      "get_all_group_memberships_for_user",
      {
        parameters: { expand: "group", limit: 100, filter: 'type eq "direct"' },
        path_parameters: { userID: "u" },
      },
    ],
    [
      "get_all_group_names_for_user",
      { parameters: { include: "memberOfGroupNames" }, path_parameters: { userID: "u" } },
    ],
    ["get_all_sessions", { path_parameters: { envID: "string", userID: "string" } }],
    [
      "get_linked_accounts",
      { parameters: { expand: "identityProviders" }, path_parameters: { userID: "u" } },
    ],
    ["get_role_assignments", { path_parameters: { envID: "string", userID: "string" } }],
    [
      "get_user_by_id",
      {
        parameters: { include: "memberOfGroupNames", expand: "population" },
        path_parameters: { userID: "u" },
      },
    ],
    ["get_users", { parameters: { expand: "population", limit: 100, filter: 'type eq "direct"' } }],
    [
      "user_account_lock",
      {
        json_body: { unlockAt: "2023-06-07T23:59:59Z" },
        headers: { "Content-Type": "application/vnd.pingidentity.account.lock+json" },
        path_parameters: { userID: "u" },
      },
    ],
    [
      "user_account_unlock",
      {
        headers: { "Content-Type": "application/vnd.pingidentity.account.unlock+json" },
        path_parameters: { userID: "u" },
      },
    ],
  ];

  it.each(examples)("%s accepts its example", (name, example) => {
    const validate = compileSchema(findAction(name)!.inputSchema);
    expect(validate(structuredClone(example)), JSON.stringify(validate.errors)).toBe(true);
  });
});

describe("path parameters", () => {
  it("accepts the placeholders in any capitalisation", async () => {
    const envelope = await connector.runAction("get_user_by_id", {
      path_parameters: { envid: env.environment.environmentId, USERID: userId },
      parameters: { expand: "population" },
    });
    expect(envelope.status_code).toBe(200);
    expect(envelope.json_body).toMatchObject({ id: userId });
  });

  it("uses an explicit envID rather than the connection's environment", async () => {
    const other = await env.provision();
    const envelope = await connector.runAction("get_users", {
      path_parameters: { envID: other.environment.environmentId },
    });
    // The worker's token belongs to its own environment: PingOne refuses the other one.
    expect(envelope.status_code).toBe(403);
    expect(envelope.json_body).toMatchObject({ code: "ACCESS_FAILED" });
  });

  it("refuses two spellings of one placeholder, reporting the key as written", async () => {
    const error = await connector
      .runAction("get_all_sessions", {
        path_parameters: { userID: userId, userid: "someone-else" },
      })
      .catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ActionInputError);
    expect((error as ActionInputError).problems).toEqual([
      expect.objectContaining({ path: "/path_parameters/userid", keyword: "duplicate" }),
    ]);
  });

  it("reports a problem under the spelling the caller used", async () => {
    const error = await connector
      .runAction("get_all_sessions", { path_parameters: { userid: "" } })
      .catch((reason: unknown) => reason);
    expect((error as ActionInputError).problems).toEqual([
      expect.objectContaining({ path: "/path_parameters/userid", keyword: "minLength" }),
    ]);
  });

  it("encodes values as one path segment, so ../ cannot reach another resource", async () => {
    // Resolved as a path, users/../users would be the user list (200); encoded, it is an unknown user id.
    const envelope = await connector.runAction("get_user_by_id", {
      path_parameters: { userID: "../users" },
      parameters: { expand: "population" },
    });
    expect(envelope.status_code).toBe(404);
  });
});

describe("what raises and what comes back in the envelope", () => {
  it("makes no call at all when the input is invalid", async () => {
    const before = await apiCallCount();
    await expect(
      connector.runAction("user_account_lock", { path_parameters: {}, json_body: { unlockAt: 5 } }),
    ).rejects.toBeInstanceOf(ActionInputError);
    expect(await apiCallCount()).toBe(before);
  });

  it("rejects a name that is not an action", async () => {
    await expect(connector.runAction("delete_everything", {})).rejects.toBeInstanceOf(UnknownActionError);
  });

  it("returns a 5xx in the envelope", async () => {
    await injectFault({
      method: "GET",
      path: "/v1/environments/*/users/*/roleAssignments",
      status: 503,
      count: 1,
    });
    const envelope = await connector.runAction("get_role_assignments", {
      path_parameters: { userID: userId },
    });
    expect(envelope.status_code).toBe(503);
    expect(envelope.reason).toBe("Service Unavailable");
    expect(envelope.json_body).toMatchObject({ code: expect.any(String) });
  });

  it("puts a body that is not JSON in response_text", async () => {
    await injectFault({
      method: "GET",
      path: "/v1/environments/*/users/*/sessions",
      status: 502,
      malformedBody: true,
      count: 1,
    });
    const envelope = await connector.runAction("get_all_sessions", { path_parameters: { userID: userId } });
    expect(envelope.status_code).toBe(502);
    expect(envelope.json_body).toBeUndefined();
    expect(typeof envelope.response_text).toBe("string");
    const validate = compileSchema(findAction("get_all_sessions")!.outputSchema);
    expect(validate(envelope)).toBe(true);
  });

  it("raises a transport failure", async () => {
    await injectFault({
      method: "GET",
      path: "/v1/environments/*/users/*/linkedAccounts",
      resetConnection: true,
      count: 1,
    });
    await expect(
      connector.runAction("get_linked_accounts", {
        path_parameters: { userID: userId },
        parameters: { expand: "identityProviders" },
      }),
    ).rejects.toBeInstanceOf(PingOneTransportError);
  });

  it("raises a token failure without revealing the secret", async () => {
    const wrongSecret = "not-the-secret-0123456789";
    const refused = createConnector({ ...env.connection, clientSecret: wrongSecret });
    const error = await refused
      .runAction("get_users", {})
      .catch((reason: unknown) => reason)
      .finally(() => refused.close());
    expect(error).toBeInstanceOf(PingOneTokenError);
    expect(JSON.stringify(error)).not.toContain(wrongSecret);
    expect((error as Error).message).not.toContain(wrongSecret);
  });

  it("sends the caller's transaction id and extra query parameters", async () => {
    await createTestUser(env.client);
    const first = await connector.runAction(
      "get_users",
      { parameters: { limit: 1 } },
      { transactionId: "playbook-run-7" },
    );
    expect(first.response_headers["x-ping-external-transaction-id"]).toBe("playbook-run-7");
    const next = (first.json_body as { _links: { next: { href: string } } })._links.next.href;
    const cursor = new URL(next).searchParams.get("cursor");
    expect(cursor).toBeTruthy();
    const second = await connector.runAction("get_users", { parameters: { limit: 1, cursor: cursor! } });
    const ids = (envelope: typeof first) =>
      (envelope.json_body as { _embedded: { users: { id: string }[] } })._embedded.users.map((u) => u.id);
    expect(second.status_code).toBe(200);
    expect(ids(second)).toHaveLength(1);
    expect(ids(second)).not.toEqual(ids(first));
  });
});

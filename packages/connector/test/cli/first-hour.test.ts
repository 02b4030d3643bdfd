import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectionVariables, runCliProcess } from "../support/cli-process.js";
import {
  createTestUser,
  type EmulatorEnvironment,
  requestCount,
  startEmulatorEnvironment,
} from "../support/emulator-environment.js";

/**
 * A newcomer's first commands, run as processes against the emulator: what the README promises
 * (exit codes, the Swimlane envelope, describe and action for every action) and what a failure
 * tells them.
 */
let env: EmulatorEnvironment;
let connection: Record<string, string>;
const cli = (args: string[], extra: Record<string, string> = {}) =>
  runCliProcess(args, { ...connection, ...extra });

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  env = await startEmulatorEnvironment();
  connection = connectionVariables(env.environment);
});
afterAll(() => env?.stop());

describe("exit codes", () => {
  it("exits 2 when the capability refuses its input, like a schema problem, without calling PingOne", async () => {
    const before = await requestCount(env.url);
    const empty = JSON.stringify({ matchAttributes: ["username"], userIdentifierForFindUser: "" });
    const run = await cli(["invoke", "userLookup", "--input", empty]);
    expect(run).toMatchObject({ code: 2, stdout: "" });
    expect(run.stderr).toContain("invalid input for userLookup: userIdentifierForFindUser must not be empty");
    const dry = await cli(["invoke", "userLookup", "--dry-run", "--input", empty]);
    expect(dry).toMatchObject({ code: 2, stdout: "" });
    const noAttribute = JSON.stringify({ matchAttributes: [], userIdentifierForFindUser: "x" });
    expect((await cli(["invoke", "userLookup", "--input", noAttribute])).code).toBe(2);
    expect(await requestCount(env.url)).toBe(before);
  });
});

describe("--format swimlane", () => {
  it("prints the envelope of PingOne's answer when no user matches, and DaVinci's error otherwise", async () => {
    const input = JSON.stringify({ matchAttributes: ["username"], userIdentifierForFindUser: "nobody-here" });
    const swimlane = await cli(["invoke", "userLookup", "--format", "swimlane", "--input", input]);
    expect(swimlane.code).toBe(1);
    expect(JSON.parse(swimlane.stdout)).toMatchObject({
      status_code: 200,
      reason: "OK",
      json_body: { count: 0, _embedded: { users: [] } },
    });
    const davinci = await cli(["invoke", "userLookup", "--input", input]);
    expect(davinci.code).toBe(1);
    expect(JSON.parse(davinci.stdout)).toMatchObject({
      error: { code: "noUserMatch", httpResponseCode: 404 },
    });
  });
});

describe("describe and action for Swimlane actions", () => {
  it("describes an action: each parameter, whether it is required, and its allowed values", async () => {
    const run = await cli(["describe", "get_all_group_names_for_user"], {});
    expect(run.code).toBe(0);
    const description = JSON.parse(run.stdout);
    expect(description).toMatchObject({
      kind: "action",
      name: "get_all_group_names_for_user",
      method: "GET",
      endpoint: "v1/environments/{{envID}}/users/{{userID}}",
    });
    expect(description.parameters).toEqual([
      expect.objectContaining({ in: "path_parameters", name: "envID", required: false }),
      expect.objectContaining({ in: "path_parameters", name: "userID", required: true }),
      expect.objectContaining({
        in: "parameters",
        name: "include",
        required: true,
        allowedValues: ["memberOfGroupNames", "memberOfGroupIDs"],
      }),
    ]);
    expect(JSON.parse((await cli(["describe", "readUser"], {})).stdout)).toMatchObject({
      kind: "capability",
      id: "readUser",
    });
  });

  it("refuses a value outside the allowed ones before any call, naming them", async () => {
    const user = await createTestUser(env.client);
    const before = await requestCount(env.url);
    const run = await cli([
      "action",
      "get_all_group_names_for_user",
      "--input",
      JSON.stringify({ path_parameters: { userID: user.id }, parameters: { include: "groups" } }),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      '/parameters/include: must be one of "memberOfGroupNames", "memberOfGroupIDs"',
    );
    expect(await requestCount(env.url)).toBe(before);
  });

  it("runs an action with no required input without --input, and names what is missing otherwise", async () => {
    const run = await cli(["action", "get_all_environments"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ status_code: 200 });
    const missing = await cli(["action", "get_user_by_id"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("/path_parameters");
  });
});

describe("failures of the worker's side", () => {
  const secret = "a-wrong-client-secret-canary-31";

  it("reports a wrong client secret as accessFailed with the token endpoint's 401, for invoke and action alike", async () => {
    const invoked = await cli(["invoke", "readUser", "--input", '{"identifier":"x"}'], {
      PINGONE_CLIENT_SECRET: secret,
    });
    const acted = await cli(["action", "get_users"], { PINGONE_CLIENT_SECRET: secret });
    for (const run of [invoked, acted]) {
      expect(run.code).toBe(1);
      expect(JSON.parse(run.stdout)).toMatchObject({
        error: { code: "accessFailed", httpResponseCode: 401 },
      });
      expect(run.stdout + run.stderr).not.toContain(secret);
      expect(run.stdout).not.toContain("TOKEN_ERROR");
    }
  });

  it("reports an unreachable PingOne as connectionFailed, without an HTTP status", async () => {
    const port = await closedPort();
    const unreachable = {
      PINGONE_API_URL: `http://127.0.0.1:${port}`,
      PINGONE_AUTH_URL: `http://127.0.0.1:${port}`,
    };
    const invoked = await cli(["invoke", "readUser", "--input", '{"identifier":"x"}'], unreachable);
    const acted = await cli(["action", "get_users"], unreachable);
    for (const run of [invoked, acted]) {
      expect(run.code).toBe(1);
      const { error } = JSON.parse(run.stdout);
      expect(error).toMatchObject({
        code: "connectionFailed",
        message: expect.stringContaining("ECONNREFUSED"),
      });
      expect(error).not.toHaveProperty("httpResponseCode");
    }
    expect(JSON.parse(invoked.stdout).error.output).not.toHaveProperty("statusCode");
  }, 60_000);
});

describe("LOG_LEVEL=debug", () => {
  it("logs each retry with its attempt, reason and wait, and no secret", async () => {
    const user = await createTestUser(env.client);
    const fault = (status: number) =>
      fetch(`${env.url}/_emulator/faults`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          rules: [{ method: "GET", path: "/v1/environments/*/users/*", status, count: 1 }],
        }),
      });
    await fault(503);
    const input = JSON.stringify({ identifier: user.id });
    const debug = await cli(["invoke", "readUser", "--input", input], { LOG_LEVEL: "debug" });
    expect(debug.code).toBe(0);
    const retries = debug.stderr
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((record) => record.msg === "retrying PingOne call");
    expect(retries).toEqual([
      expect.objectContaining({
        level: 20,
        method: "GET",
        attempt: 1,
        reason: "HTTP 503",
        waitMs: expect.any(Number),
      }),
    ]);
    expect(debug.stderr).not.toContain(env.environment.clientSecret);
    expect(debug.stderr).not.toMatch(/Bearer (?!\[REDACTED\])/);

    await fault(503);
    const quiet = await cli(["invoke", "readUser", "--input", input]);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe("");
  });
});

import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUserWithPassword, strongPassword } from "../support/capability-harness.js";
import { type CliRun, connectionVariables, runCliProcess } from "../support/cli-process.js";
import {
  createTestUser,
  type EmulatorEnvironment,
  startEmulatorEnvironment,
} from "../support/emulator-environment.js";
import { createForm } from "../support/sign-on-setup.js";
import { SWIMLANE_ACTION_NAMES } from "../support/swimlane-actions.js";

let env: EmulatorEnvironment;
let dir: string;
let connectionEnv: Record<string, string>;

function cli(
  args: string[],
  extraEnv: Record<string, string> = connectionEnv,
  stdin?: string,
): Promise<CliRun> {
  return runCliProcess(args, extraEnv, stdin);
}

beforeAll(async () => {
  env = await startEmulatorEnvironment();
  dir = await mkdtemp(join(tmpdir(), "pingone-cli-"));
  connectionEnv = connectionVariables(env.environment);
});

afterAll(async () => {
  await env?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("pingone-connector CLI", () => {
  it("prints help for the program and every subcommand", async () => {
    for (const args of [
      ["--help"],
      ...["list", "describe", "validate", "invoke", "action", "sign-on"].map((c) => [c, "--help"]),
    ]) {
      const run = await cli(args, {});
      expect(run.code, args.join(" ")).toBe(0);
      expect(run.stdout).toContain("Usage: pingone-connector");
    }
  });

  it("lists the capabilities, then the Swimlane actions, as a table and as JSON with each item's kind", async () => {
    const table = await cli(["list"], {});
    expect(table.stdout).toMatch(/^userLookup\s+Find User$/m);
    expect(table.stdout).toMatch(/^get_all_group_names_for_user\s+Get All Group Names for User$/m);
    expect(table.stdout.indexOf("Swimlane actions")).toBeGreaterThan(table.stdout.indexOf("readTheme"));
    const json = await cli(["list", "--json"], {});
    const items = JSON.parse(json.stdout) as { kind: string; id?: string; name?: string }[];
    expect(items.filter((item) => item.kind === "action").map((item) => item.name)).toEqual(
      SWIMLANE_ACTION_NAMES,
    );
    expect(items.findIndex((item) => item.kind === "action")).toBe(
      items.filter((item) => item.kind === "capability").length,
    );
    const ids = items.filter((item) => item.kind === "capability").map((c) => c.id);
    expect(ids).toEqual(
      expect.arrayContaining(["userLookup", "checkPassword", "recoverPassword", "unlockUser"]),
    );
    // All 37 DaVinci capabilities of the 2025 product page, in its order.
    expect(ids).toHaveLength(37);
    expect(ids.slice(ids.indexOf("deleteUserGroupMembership"), ids.indexOf("createGroup") + 1)).toEqual([
      "deleteUserGroupMembership",
      "migrateUserGateway",
      "createGroup",
    ]);
    expect(ids.slice(ids.indexOf("readGroupMembers") + 1, ids.indexOf("unlockUser"))).toEqual([
      "kerberosAuthentication",
      "singleFactorSignOn",
    ]);
    expect(ids.slice(-3)).toEqual(["unlockUser", "updateUserGateway", "readTheme"]);
    expect(table.stdout).toMatch(/^migrateUserGateway\s+Migrate User through Gateway$/m);
    expect(ids.slice(ids.indexOf("deleteAccountLink") + 1, ids.indexOf("readPopulation"))).toEqual([
      "checkUserAgreement",
      "readUserAgreements",
      "revokeUserAgreement",
      "acceptAgreement",
      "readAgreementContent",
    ]);
    expect(ids.at(-1)).toBe("readTheme");
    expect(table.stdout).toMatch(/^readAgreementContent\s+Read Agreement Content$/m);
  });

  it("describes a capability, and refuses an unknown one with exit 2", async () => {
    const run = await cli(["describe", "checkPassword"], {});
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      id: "checkPassword",
      title: "Check Password",
      properties: { password: { secret: true } },
      errors: { passwordLockedOut: expect.any(String) },
    });
    const unknown = await cli(["describe", "nope"], {});
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown capability or action "nope"');
  });

  it("validates input from JSON and from a file, listing every problem on stderr", async () => {
    const ok = await cli(["validate", "readUser", "--input", '{"identifier":"x"}'], {});
    expect(ok).toMatchObject({ code: 0 });
    const file = join(dir, "bad.json");
    await writeFile(file, JSON.stringify({ properties: { matchAttribute: "phone" } }));
    const bad = await cli(["validate", "readUser", "--input", `@${file}`], {});
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toContain("/properties/identifier");
    expect(bad.stderr).toContain("/properties/matchAttribute");
    const fromStdin = await cli(["validate", "readUser", "--input", "@-"], {}, '{"identifier":"from-stdin"}');
    expect(fromStdin.code).toBe(0);
    const notJson = await cli(["validate", "readUser", "--input", "{nope"], {});
    expect(notJson).toMatchObject({ code: 2 });
    expect(notJson.stderr).toContain("not valid JSON");
  });

  it("invokes a capability with the connection from PINGONE_* variables", async () => {
    const user = await createTestUser(env.client);
    const run = await cli(["invoke", "readUser", "--input", JSON.stringify({ identifier: user.id })]);
    expect(run.code).toBe(0);
    const envelope = JSON.parse(run.stdout);
    expect(envelope).toMatchObject({
      eventName: "continue",
      output: { user: { id: user.id }, statusCode: 200 },
    });
    expect(run.stdout + run.stderr).not.toContain(env.environment.clientSecret);
  });

  it("loads the kerberos native addon from the bundle for kerberosAuthentication (PINGONE_KERBEROS_*)", async () => {
    const keytab = join(dir, "no-such.keytab");
    const run = await cli(
      [
        "invoke",
        "kerberosAuthentication",
        "--input",
        JSON.stringify({ gatewayId: "g", userTypeId: "t", kerberosTicket: "YIIBxw==" }),
      ],
      {
        ...connectionEnv,
        PINGONE_KERBEROS_KEYTAB: keytab,
        PINGONE_KERBEROS_SERVICE_PRINCIPAL: "HTTP/localhost@EXAMPLE.COM",
      },
    );
    expect(run.code).toBe(1);
    const { error } = JSON.parse(run.stdout) as { error: { code: string; message: string } };
    // Past the addon's loading: the keytab is what is missing, and its path is not shown.
    expect(error).toMatchObject({
      code: "unexpectedError",
      message: expect.stringContaining("cannot be read (ENOENT)"),
    });
    expect(run.stdout + run.stderr).not.toContain(keytab);
  });

  it("invokes with --connection @file in the Swimlane spelling, and prints the Swimlane envelope", async () => {
    const user = await createTestUser(env.client);
    const file = join(dir, "asset.json");
    await writeFile(
      file,
      JSON.stringify({
        url: env.environment.apiUrl,
        environmentId: env.environment.environmentId,
        clientId: env.environment.clientId,
        clientSecret: env.environment.clientSecret,
      }),
    );
    const run = await cli(
      [
        "invoke",
        "readUser",
        "--input",
        JSON.stringify({ identifier: user.id }),
        "--format",
        "swimlane",
        "--connection",
        `@${file}`,
      ],
      {},
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      status_code: 200,
      reason: "OK",
      json_body: { id: user.id },
    });
  });

  it("exits 1 with the error JSON on stdout when the capability fails, and never prints the password", async () => {
    const user = await createUserWithPassword(env.client, strongPassword());
    const run = await cli([
      "invoke",
      "checkPassword",
      "--input",
      JSON.stringify({ identifier: user.id, password: "Wrong-Cli-Passw0rd" }),
    ]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({
      error: { code: "passwordNotValid", httpResponseCode: 400 },
    });
    expect(run.stdout + run.stderr).not.toContain("Wrong-Cli-Passw0rd");
  });

  it("exits 2 for invalid input, a missing connection or a bad --format", async () => {
    const invalid = await cli(["invoke", "checkPassword", "--input", '{"identifier":"x"}']);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain("/password");
    const noConnection = await cli(["invoke", "readUser", "--input", '{"identifier":"x"}'], {});
    expect(noConnection.code).toBe(2);
    expect(noConnection.stderr).toContain("PINGONE_ENVIRONMENT_ID");
    const format = await cli(["invoke", "readUser", "--input", '{"identifier":"x"}', "--format", "xml"]);
    expect(format.code).toBe(2);
  });

  it("prints a dry run without sending anything or showing a secret", async () => {
    const offline = {
      ...connectionEnv,
      PINGONE_API_URL: "http://127.0.0.1:9",
      PINGONE_AUTH_URL: "http://127.0.0.1:9",
    };
    const run = await cli(
      [
        "invoke",
        "createUser",
        "--dry-run",
        "--input",
        JSON.stringify({ username: "dry", email: "d@example.com", passwordForCreateUser: "Dry-Run-Secret1" }),
      ],
      offline,
    );
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ dryRun: true, complete: true });
    expect(report.requests[0].headers.authorization).toBe("Bearer [REDACTED]");
    expect(run.stdout).not.toContain("Dry-Run-Secret1");
    expect(run.stdout).not.toContain(env.environment.clientSecret);
  });

  it("invokes a user-view capability's two steps, and refuses --continue where there is nothing to continue", async () => {
    const password = strongPassword();
    const user = await createUserWithPassword(env.client, password);
    const signedOn = await cli([
      "invoke",
      "singleFactorSignOn",
      "--continue",
      "--input",
      JSON.stringify({ parameters: { username: user.username, password } }),
    ]);
    expect(signedOn.code).toBe(0);
    expect(JSON.parse(signedOn.stdout)).toMatchObject({
      eventName: "continue",
      output: { buttonValue: "submit", user: { id: user.id }, passwordState: { status: "OK" } },
    });
    expect(signedOn.stdout).not.toContain(password);
    const step1 = await cli([
      "invoke",
      "singleFactorSignOn",
      "--input",
      '{"singleFactorSignOnFormId":"7d3c1a4e-0b5f-4c2d-9e8a-1f2b3c4d5e6f"}',
    ]);
    expect(step1.code).toBe(1);
    expect(JSON.parse(step1.stdout)).toMatchObject({ error: { code: "notFound" } });
    const refused = await cli(["invoke", "readUser", "--continue", "--input", "{}"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("readUser shows no user view");
  });

  it("sign-on picks the environment's only form, and lists them when there is no single one", async () => {
    const none = await cli(["sign-on", "--port", "0"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("the environment has no form");
    const forms = [await createForm(env.client), await createForm(env.client)];
    const several = await cli(["sign-on", "--port", "0"]);
    expect(several.code).toBe(2);
    expect(several.stderr).toContain("the environment has 2 forms; choose one with --form <formId>");
    for (const id of forms) expect(several.stderr).toContain(id);
    const badReturn = await cli([
      "sign-on",
      "--form",
      forms[0]!,
      "--return-url",
      "https://app.example.com/cb",
    ]);
    expect(badReturn.code).toBe(2);
    expect(badReturn.stderr).toContain("PINGONE_CONNECTOR_SIGN_ON_SECRET");
  });

  it("runs Swimlane actions: exit 0 for a 2xx envelope, 1 for a 4xx envelope, 2 for invalid input", async () => {
    const user = await createTestUser(env.client);
    const found = await cli([
      "action",
      "get_user_by_id",
      "--input",
      JSON.stringify({ path_parameters: { userID: user.id }, parameters: { expand: "population" } }),
    ]);
    expect(found.code).toBe(0);
    expect(JSON.parse(found.stdout)).toMatchObject({ status_code: 200, json_body: { id: user.id } });
    const missing = await cli([
      "action",
      "get_user_by_id",
      "--input",
      JSON.stringify({
        path_parameters: { userID: "00000000-0000-4000-8000-000000000000" },
        parameters: { expand: "population" },
      }),
    ]);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout)).toMatchObject({ status_code: 404 });
    const unknown = await cli(["action", "get_everything", "--input", "{}"]);
    expect(unknown.code).toBe(2);
  });

  it("wraps the envelope in a one-element array with --envelope array, and refuses other styles", async () => {
    const user = await createTestUser(env.client);
    const input = JSON.stringify({ path_parameters: { userID: user.id } });
    const wrapped = await cli(["action", "get_user_by_id", "--input", input, "--envelope", "array"]);
    expect(wrapped.code).toBe(0);
    const parsed = JSON.parse(wrapped.stdout) as unknown[];
    expect(parsed).toHaveLength(1);
    expect(parsed[0]).toMatchObject({ status_code: 200, json_body: { id: user.id } });
    const bad = await cli(["action", "get_user_by_id", "--input", input, "--envelope", "list"]);
    expect(bad.code).toBe(2);
  });
});

describe("pingone-connector and the properties a capability ignores", () => {
  it("lists them as warnings in validate and in a dry run, without failing either", async () => {
    const input = JSON.stringify({
      properties: { userId: "u-1", newPassword: "N3w-Pass!x", population: "p" },
    });
    const validated = await cli(["validate", "setPassword", "--input", input], {});
    expect(validated.code).toBe(0);
    expect(validated.stderr).toBe("warning: /properties/population: ignored property: population\n");
    expect(JSON.parse(validated.stdout)).toEqual({
      valid: true,
      problems: [],
      warnings: [
        {
          path: "/properties/population",
          keyword: "ignoredProperty",
          message: "ignored property: population",
        },
      ],
    });
    const dry = await cli(["invoke", "setPassword", "--dry-run", "--input", input]);
    expect(dry.code).toBe(0);
    expect(dry.stderr).toContain("warning: /properties/population: ignored property: population");
    expect(JSON.parse(dry.stdout)).toMatchObject({
      dryRun: true,
      warnings: [{ path: "/properties/population", message: "ignored property: population" }],
    });
    expect(dry.stdout).not.toContain("N3w-Pass!x");
  });
});

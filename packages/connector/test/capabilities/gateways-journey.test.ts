import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { type Slapd, startSlapd, userEntry } from "pingone-test-servers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Connector, createConnector } from "../../src/connector.js";
import { invokeError, invokeOk } from "../support/capability-harness.js";
import { createPopulationViaApi } from "../support/directory-setup.js";
import { type EmulatorEnvironment, startEmulatorEnvironment } from "../support/emulator-environment.js";
import { createLdapGatewayViaApi, directorySettingFor, type TestGateway } from "../support/gateway-setup.js";

/**
 * Users migrating from an OpenLDAP directory into PingOne at their first sign-on, and their
 * profiles refreshed from it later: the emulator over HTTP, a real slapd, nothing in between.
 */

const EMPLOYEES = "ou=employees,dc=example,dc=com";
const CONTRACTORS = "ou=contractors,dc=example,dc=com";
const LEGACY = "ou=legacy,dc=example,dc=com";

const JANE_PASSWORD = "Jane's directory pw 1";
const CARL_PASSWORD = "Carl's directory pw 2";

/** What flows read of a migrated user's rawResponse. */
interface MigratedUser {
  id: string;
  username: string;
  email: string;
  population: { id: string };
  name: { given?: string; family?: string };
  _embedded: { password: { status: string } };
}

let slapd: Slapd;
let env: EmulatorEnvironment;
let gateway: TestGateway;
let employeesPopulation: string;
let connector: Connector;
/** Everything the capabilities answered in this file, to search for secrets at the end. */
const answers: unknown[] = [];

beforeAll(async () => {
  [slapd, env] = await Promise.all([
    startSlapd({
      baseDns: [EMPLOYEES, CONTRACTORS, LEGACY],
      entries: [
        userEntry(EMPLOYEES, {
          uid: "jane",
          givenName: "Jane",
          sn: "Doe",
          mail: "jane@example.com",
          password: JANE_PASSWORD,
        }),
        userEntry(EMPLOYEES, {
          uid: "erin",
          givenName: "Erin",
          sn: "Moss",
          mail: "erin@example.com",
          password: "Erin pw 3",
        }),
        userEntry(EMPLOYEES, {
          uid: "fay",
          givenName: "Fay",
          sn: "Lund",
          mail: "fay@example.com",
          password: "Fay pw 4",
        }),
        userEntry(CONTRACTORS, {
          uid: "carl",
          givenName: "Carl",
          sn: "Berg",
          mail: "carl@example.com",
          password: CARL_PASSWORD,
        }),
        userEntry(EMPLOYEES, { uid: "gail", sn: "Ito", mail: "gail@example.com", password: "Gail pw 7" }),
        userEntry(CONTRACTORS, { uid: "dana", sn: "Kim", mail: "dana@example.com", password: "Dana pw 6" }),
        userEntry(LEGACY, {
          uid: "old.timer",
          sn: "Timer",
          mail: "old@example.com",
          password: "legacy pw 5",
        }),
      ],
    }),
    startEmulatorEnvironment(),
  ]);
  employeesPopulation = (await createPopulationViaApi(env.client)).id;
  const contractorsPopulation = (await createPopulationViaApi(env.client)).id;
  gateway = await createLdapGatewayViaApi(env.client, slapd, [
    {
      name: "Employees",
      searchBaseDn: EMPLOYEES,
      passwordAuthority: "LDAP",
      orderedCorrelationAttributes: ["uid", "mail"],
      newUserLookup: { populationId: employeesPopulation },
    },
    {
      name: "Contractors",
      searchBaseDn: CONTRACTORS,
      passwordAuthority: "PING_ONE",
      newUserLookup: { populationId: contractorsPopulation },
    },
    { name: "Legacy", searchBaseDn: LEGACY, passwordAuthority: "LDAP" },
    {
      name: "Misconfigured",
      searchBaseDn: "ou=nowhere,dc=example,dc=com",
      passwordAuthority: "LDAP",
      newUserLookup: { populationId: employeesPopulation },
    },
  ]);
  connector = connectorWith({ [gateway.id]: directorySettingFor(slapd) });
});

afterAll(async () => {
  await connector?.close();
  await Promise.all([env?.stop(), slapd?.stop()]);
});

function connectorWith(gatewayDirectories: Record<string, unknown>): Connector {
  return createConnector({ ...env.connection, gatewayDirectories } as Parameters<typeof createConnector>[0]);
}

function typeList(...names: string[]) {
  return names.map((name) => ({
    name: gateway.id,
    value: gateway.userTypeIds[name]!,
    preferredDataType: "string",
  }));
}

async function migrate(username: string, password: string, types = typeList("Employees"), via = connector) {
  const result = await via.invoke("migrateUserGateway", {
    usernameGateway: username,
    passwordGateway: password,
    gatewayUserTypeList: types,
  });
  answers.push(result);
  return result;
}

async function usersNamed(username: string): Promise<Record<string, unknown>[]> {
  const response = await env.client.request<{ _embedded: { users: Record<string, unknown>[] } }>({
    method: "GET",
    path: `/environments/${env.client.environmentId}/users`,
    query: { filter: `username eq "${username}"` },
  });
  return response.body._embedded.users;
}

describe("migrateUserGateway", () => {
  it("migrates a user at the first sign-on, linked to the gateway, password left in the directory", async () => {
    const output = await invokeOk(connector, "migrateUserGateway", {
      usernameGateway: "jane",
      passwordGateway: JANE_PASSWORD,
      gatewayUserTypeList: typeList("Employees"),
    });
    answers.push(output);
    const raw = output.rawResponse as unknown as MigratedUser;
    expect(output.statusCode).toBe(201);
    // What public flows read downstream.
    expect(raw.username).toBe("jane");
    expect(raw.email).toBe("jane@example.com");
    expect(typeof raw.id).toBe("string");
    expect(raw._embedded.password.status).toBe("EXTERNAL");
    expect(raw.population.id).toBe(employeesPopulation);
    expect(raw.name).toMatchObject({ given: "Jane", family: "Doe" });

    const read = await invokeOk(connector, "readUser", { matchAttribute: "username", identifier: "jane" });
    expect((read.user as { id: string }).id).toBe(raw.id);
    const password = await env.client.request<{ status: string; external: { gateway: unknown } }>({
      method: "GET",
      path: `/environments/${env.client.environmentId}/users/${raw.id}/password`,
    });
    expect(password.body.status).toBe("EXTERNAL");
    expect(password.body.external.gateway).toMatchObject({
      id: gateway.id,
      userType: { id: gateway.userTypeIds.Employees },
      correlationAttributes: { uid: "jane", mail: "jane@example.com" },
    });
    // The password is checked against the directory, so Check Password works unchanged.
    const check = await invokeOk(connector, "checkPassword", {
      matchAttribute: "username",
      identifier: "jane",
      password: JANE_PASSWORD,
    });
    expect(check.passwordState).toMatchObject({ user: { id: raw.id }, status: "EXTERNAL" });
    const wrong = await invokeError(connector, "checkPassword", {
      matchAttribute: "username",
      identifier: "jane",
      password: "not Jane's password",
    });
    expect(wrong.code).toBe("passwordNotValid");
  });

  it("imports nothing at the second sign-on", async () => {
    const output = await invokeOk(connector, "migrateUserGateway", {
      usernameGateway: "jane",
      passwordGateway: JANE_PASSWORD,
      gatewayUserTypeList: typeList("Employees"),
    });
    expect(output.rawResponse).toEqual({});
    expect(output.statusCode).toBe(200);
    expect(await usersNamed("jane")).toHaveLength(1);
  });

  it("refuses a wrong password with passwordNotValid and imports nothing", async () => {
    const error = await invokeError(connector, "migrateUserGateway", {
      usernameGateway: "erin",
      passwordGateway: "not Erin's password",
      gatewayUserTypeList: typeList("Employees"),
    });
    answers.push(error);
    expect(error.code).toBe("passwordNotValid");
    expect(error.httpResponseCode).toBe(400);
    expect(await usersNamed("erin")).toEqual([]);
  });

  it("skips a user type with migration off, and answers noUserMatch when no listed type has the user", async () => {
    const onlyLegacy = await invokeError(connector, "migrateUserGateway", {
      usernameGateway: "old.timer",
      passwordGateway: "legacy pw 5",
      gatewayUserTypeList: typeList("Legacy", "Employees"),
    });
    expect(onlyLegacy.code).toBe("noUserMatch");
    expect(await usersNamed("old.timer")).toEqual([]);

    const output = await invokeOk(connector, "migrateUserGateway", {
      usernameGateway: "fay",
      passwordGateway: "Fay pw 4",
      gatewayUserTypeList: typeList("Legacy", "Contractors", "Employees"),
    });
    expect((output.rawResponse as { population: { id: string } }).population.id).toBe(employeesPopulation);
  });

  it("moves the password into PingOne when the user type's password authority is PING_ONE", async () => {
    const output = await invokeOk(connector, "migrateUserGateway", {
      usernameGateway: "carl",
      passwordGateway: CARL_PASSWORD,
      gatewayUserTypeList: typeList("Employees", "Contractors"),
    });
    answers.push(output);
    const raw = output.rawResponse as unknown as MigratedUser;
    expect(output.statusCode).toBe(201);
    expect(raw._embedded.password.status).toBe("OK");
    // The directory's password changes; PingOne keeps the migrated one.
    await slapd.setPassword(`uid=carl,${CONTRACTORS}`, "a new directory password");
    const check = await invokeOk(connector, "checkPassword", {
      matchAttribute: "id",
      identifier: raw.id,
      password: CARL_PASSWORD,
    });
    expect(check.passwordState).toMatchObject({ status: "OK" });
  });

  it("deletes the user it imported when PingOne refuses to store the migrated password", async () => {
    const fault = await fetch(`${env.url}/_emulator/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        rules: [{ method: "PUT", path: "/v1/environments/*/users/*/password", status: 400, count: 1 }],
      }),
    });
    expect(fault.status).toBe(201);
    const refused = await migrate("dana", "Dana pw 6", typeList("Contractors"));
    expect(refused).toMatchObject({ ok: false, httpResponseCode: 400 });
    expect(await usersNamed("dana")).toEqual([]);
    // Nothing was left behind: the next sign-on migrates the user whole.
    const output = await migrate("dana", "Dana pw 6", typeList("Contractors"));
    expect(output.ok && (output.rawResponse as MigratedUser)._embedded.password.status).toBe("OK");
  });

  it("answers notFound for an unknown gateway or user type, and invalidInput for an empty list", async () => {
    const unknownType = await invokeError(connector, "migrateUserGateway", {
      usernameGateway: "jane",
      passwordGateway: JANE_PASSWORD,
      gatewayUserTypeList: [{ name: gateway.id, value: "7d1c2b3a-0000-4000-8000-000000000000" }],
    });
    expect(unknownType.code).toBe("notFound");
    const unknownGateway = await invokeError(connector, "migrateUserGateway", {
      usernameGateway: "jane",
      passwordGateway: JANE_PASSWORD,
      gatewayUserTypeList: [
        { name: "7d1c2b3a-0000-4000-8000-000000000001", value: gateway.userTypeIds.Employees },
      ],
    });
    expect(unknownGateway.code).toBe("notFound");
    const empty = await invokeError(connector, "migrateUserGateway", {
      usernameGateway: "jane",
      passwordGateway: JANE_PASSWORD,
      gatewayUserTypeList: [],
    });
    expect(empty.code).toBe("invalidInput");
  });

  it("fails clearly, naming the setting and the gateway, without a directory setting for the gateway", async () => {
    const bare = connectorWith({});
    try {
      const error = await invokeError(bare, "migrateUserGateway", {
        usernameGateway: "erin",
        passwordGateway: "Erin pw 3",
        gatewayUserTypeList: typeList("Employees"),
      });
      expect(error.code).toBe("unexpectedError");
      expect(error.message).toContain("Gateway validation not available");
      expect(error.message).toContain(`gatewayDirectories["${gateway.id}"]`);
      expect(error.message).toContain("PINGONE_GATEWAY_DIRECTORIES");
      expect(await usersNamed("erin")).toEqual([]);
    } finally {
      await bare.close();
    }
  });

  it("names the base DN of a user type the directory does not have", async () => {
    const result = await migrate("erin", "Erin pw 3", typeList("Misconfigured", "Employees"));
    expect(result).toMatchObject({ ok: false, code: "unexpectedError", httpResponseCode: 502 });
    expect(result.ok || result.message).toMatch(
      /^The search under ou=nowhere,dc=example,dc=com on the directory of gateway .* failed with LDAP result 32 \(noSuchObject\)$/,
    );
  });

  it("reports a refused service account without its password", async () => {
    const wrong = "the-wrong-bind-password-7";
    const misconfigured = connectorWith({
      [gateway.id]: directorySettingFor(slapd, { bindPassword: wrong }),
    });
    try {
      const result = await migrate("erin", "Erin pw 3", typeList("Employees"), misconfigured);
      expect(result).toMatchObject({ ok: false, code: "unexpectedError", httpResponseCode: 502 });
      if (result.ok) return;
      expect(result.message).toContain(`refused the service account ${slapd.bindDn}`);
      expect(JSON.stringify(result)).not.toContain(wrong);
      expect(await usersNamed("erin")).toEqual([]);
    } finally {
      await misconfigured.close();
    }
  });

  it("reports a directory that does not speak TLS on an ldaps:// URL as a TLS failure", async () => {
    const tls = connectorWith({
      [gateway.id]: directorySettingFor(slapd, { url: `ldaps://${slapd.hostAndPort}` }),
    });
    try {
      const result = await migrate("erin", "Erin pw 3", typeList("Employees"), tls);
      expect(result).toMatchObject({ ok: false, code: "unexpectedError", httpResponseCode: 502 });
      expect(result.ok || result.message).toMatch(/^TLS with the directory of gateway .* failed \(/);
      expect(await usersNamed("erin")).toEqual([]);
    } finally {
      await tls.close();
    }
  });

  it("fails clearly and writes nothing when slapd is down, hung, or stops during the call", async () => {
    const quick = connectorWith({ [gateway.id]: directorySettingFor(slapd, { timeoutMs: 1_000 }) });
    try {
      await slapd.takeDown();
      const down = await migrate("erin", "Erin pw 3", typeList("Employees"), quick);
      expect(down).toMatchObject({ ok: false, code: "unexpectedError", httpResponseCode: 502 });
      expect(down.ok || down.message).toMatch(
        /directory of gateway .* \(ldap:\/\/127\.0\.0\.1:\d+\) is unreachable/,
      );
      await slapd.bringUp();

      slapd.freeze();
      const hung = await migrate("erin", "Erin pw 3", typeList("Employees"), quick);
      expect(hung).toMatchObject({ ok: false, code: "unexpectedError", httpResponseCode: 504 });
      expect(hung.ok || hung.message).toContain("did not answer in time");

      // Stopped while the call waits on it: the connection drops mid-operation.
      const pending = migrate("erin", "Erin pw 3", typeList("Employees"), connector);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await slapd.takeDown();
      const stopped = await pending;
      expect(stopped).toMatchObject({ ok: false, code: "unexpectedError" });
      expect(stopped.ok || stopped.message).toMatch(/directory of gateway/);
      expect(await usersNamed("erin")).toEqual([]);
    } finally {
      slapd.thaw();
      await slapd.bringUp();
      await quick.close();
    }
    // Back up: the same sign-on now migrates.
    expect(await migrate("erin", "Erin pw 3")).toMatchObject({ ok: true });
  });

  it("shows in a dry run only the PingOne requests that depend on the input, and contacts no directory", async () => {
    slapd.freeze();
    try {
      const report = await connector.invoke(
        "migrateUserGateway",
        {
          usernameGateway: "jane",
          passwordGateway: JANE_PASSWORD,
          gatewayUserTypeList: typeList("Employees"),
        },
        { dryRun: true },
      );
      answers.push(report);
      expect(report.complete).toBe(false);
      expect(report.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
        `GET ${env.environment.apiUrl}/v1/environments/${env.client.environmentId}/gateways/${gateway.id}`,
      ]);
      expect(report.pendingOn).toContain("/gateways/");
    } finally {
      slapd.thaw();
    }
  });
});

describe("updateUserGateway", () => {
  it("refreshes the profile of the signed-on user from the directory entry it came from", async () => {
    const jane = (await usersNamed("jane"))[0]!;
    await slapd.modifyEntry(`uid=jane,${EMPLOYEES}`, {
      givenName: "Janet",
      sn: "Doe-Smith",
      mail: "janet@example.com",
    });
    const output = await invokeOk(connector, "updateUserGateway", {
      authentication: { userId: jane.id, methods: ["pwd"] },
    });
    answers.push(output);
    expect(output.statusCode).toBe(200);
    expect(output.user).toMatchObject({
      id: jane.id,
      username: "jane",
      email: "janet@example.com",
      name: { given: "Janet", family: "Doe-Smith" },
    });
    const read = await invokeOk(connector, "readUser", {
      matchAttribute: "id",
      identifier: jane.id as string,
    });
    expect(read.user).toMatchObject({ email: "janet@example.com", name: { given: "Janet" } });
  });

  it("finds the user named by Override User, and refuses users the gateway did not bring", async () => {
    await slapd.modifyEntry(`uid=fay,${EMPLOYEES}`, { sn: "Lund-Berg" });
    const output = await invokeOk(connector, "updateUserGateway", {
      overrideUser: true,
      matchAttribute: "username",
      identifier: "fay",
      escapeIdentifier: true,
    });
    expect(output.user).toMatchObject({ username: "fay", name: { family: "Lund-Berg" } });

    const local = await env.client.request<{ id: string }>({
      method: "POST",
      path: `/environments/${env.client.environmentId}/users`,
      body: { username: "local.only", email: "local@example.com" },
    });
    const notLinked = await invokeError(connector, "updateUserGateway", {
      authentication: { userId: local.body.id },
    });
    expect(notLinked.code).toBe("notFound");
    expect(notLinked.message).toContain("not linked to a gateway");
    const nobody = await invokeError(connector, "updateUserGateway", {
      authentication: { userId: "5a6b7c8d-0000-4000-8000-000000000000" },
    });
    expect(nobody.code).toBe("noUserMatch");
    const noUser = await invokeError(connector, "updateUserGateway", {});
    expect(noUser.code).toBe("invalidInput");
  });

  it("answers notFound when the directory entry is gone", async () => {
    const erin = (await usersNamed("erin"))[0]!;
    await slapd.deleteEntry(`uid=erin,${EMPLOYEES}`);
    const error = await invokeError(connector, "updateUserGateway", { authentication: { userId: erin.id } });
    expect(error.code).toBe("notFound");
    expect(error.message).toContain(EMPLOYEES);
  });
});

/** The built CLI, run as a user would run it, with only the environment given. */
function cli(
  args: string[],
  extraEnv: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const main = fileURLToPath(new URL("../../dist/bin/pingone-connector.js", import.meta.url));
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [main, ...args],
      {
        env: {
          PATH: process.env.PATH ?? "",
          PINGONE_ENVIRONMENT_ID: env.environment.environmentId,
          PINGONE_CLIENT_ID: env.environment.clientId,
          PINGONE_CLIENT_SECRET: env.environment.clientSecret,
          PINGONE_API_URL: env.environment.apiUrl,
          PINGONE_AUTH_URL: env.environment.authUrl,
          ...extraEnv,
        },
      },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

describe("the CLI", () => {
  it("takes the directory from PINGONE_GATEWAY_DIRECTORIES, and shows no bind password", async () => {
    const input = JSON.stringify({
      usernameGateway: "gail",
      passwordGateway: "Gail pw 7",
      gatewayUserTypeList: typeList("Employees"),
    });
    const directories = (setting: object) => ({
      PINGONE_GATEWAY_DIRECTORIES: JSON.stringify({ [gateway.id]: setting }),
    });
    const wrong = "a-wrong-bind-password-9";
    const refused = await cli(
      ["invoke", "migrateUserGateway", "--input", input],
      directories(directorySettingFor(slapd, { bindPassword: wrong })),
    );
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout).error.message).toContain("refused the service account");
    const invalid = await cli(
      ["invoke", "migrateUserGateway", "--input", input],
      directories({ ...directorySettingFor(slapd), url: "http://wrong" }),
    );
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain(`PINGONE_GATEWAY_DIRECTORIES.${gateway.id}.url`);
    for (const run of [refused, invalid]) {
      expect(run.stdout + run.stderr).not.toContain(wrong);
      expect(run.stdout + run.stderr).not.toContain(slapd.bindPassword);
      expect(run.stdout + run.stderr).not.toContain("Gail pw 7");
    }

    const migrated = await cli(
      ["invoke", "migrateUserGateway", "--input", input],
      directories(directorySettingFor(slapd)),
    );
    expect(migrated.code).toBe(0);
    expect(JSON.parse(migrated.stdout).output.rawResponse.username).toBe("gail");
    expect(migrated.stdout + migrated.stderr).not.toContain(slapd.bindPassword);
  });
});

describe("secrets", () => {
  it("never shows a bind password or a user's password in any answer", () => {
    const text = JSON.stringify(answers);
    expect(answers.length).toBeGreaterThan(5);
    for (const secret of [slapd.bindPassword, JANE_PASSWORD, CARL_PASSWORD, "Erin pw 3"]) {
      expect(text).not.toContain(secret);
    }
  });
});

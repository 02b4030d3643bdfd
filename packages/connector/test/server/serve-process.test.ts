import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectionVariables } from "../support/cli-process.js";
import {
  createTestUser,
  type EmulatorEnvironment,
  startEmulatorEnvironment,
  tokensIssued,
} from "../support/emulator-environment.js";
import { CLI, startServeProcess } from "../support/serve-process.js";

const API_KEY = "serve-test-key-8c1d";
const startServe = (env: EmulatorEnvironment) => startServeProcess(env, { apiKey: API_KEY });

const readUser = (url: string, userId: string) =>
  fetch(`${url}/capabilities/readUser`, {
    method: "POST",
    headers: { authorization: `Bearer ${API_KEY}`, "content-type": "application/json" },
    body: JSON.stringify({ matchAttribute: "id", identifier: userId }),
  });

describe("pingone-connector serve (a real process)", () => {
  let env: EmulatorEnvironment;
  let userId: string;
  beforeAll(async () => {
    env = await startEmulatorEnvironment();
    userId = (await createTestUser(env.client)).id;
  });
  afterAll(() => env?.stop());

  it("makes exactly one token request for 200 concurrent calls on a fresh process", async () => {
    const serve = await startServe(env);
    try {
      const before = await tokensIssued(env.url);
      const responses = await Promise.all(Array.from({ length: 200 }, () => readUser(serve.url, userId)));
      expect(responses.map((r) => r.status)).toEqual(Array(200).fill(200));
      expect((await tokensIssued(env.url)) - before).toBe(1);
    } finally {
      serve.child.kill("SIGTERM");
      await serve.exited;
    }
  });

  it("lets in-flight calls finish on SIGTERM, refuses new ones, and exits 0", async () => {
    const serve = await startServe(env);
    // A first call loads the lazy modules, compiles the validator and fetches the token, so that the
    // ten calls below are accepted at once; a connection still in the listen backlog at SIGTERM is reset.
    expect((await readUser(serve.url, userId)).status).toBe(200);
    await fetch(`${env.url}/_emulator/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        rules: [{ method: "GET", path: "/v1/environments/*/users/*", delayMs: 1500, count: 10 }],
      }),
    });
    const inFlight = Array.from({ length: 10 }, () => readUser(serve.url, userId));
    await new Promise((resolve) => setTimeout(resolve, 400));
    serve.child.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 100));
    const late = await readUser(serve.url, userId).then(
      (response) => response.status,
      () => "refused",
    );
    const statuses = await Promise.all(inFlight.map(async (p) => (await p).status));
    expect(statuses).toEqual(Array(10).fill(200));
    expect(late === "refused" || late === 503).toBe(true);
    expect(await serve.exited).toBe(0);
  });

  it("refuses to start without PINGONE_CONNECTOR_API_KEY, with exit code 2", async () => {
    const run = promisify(execFile);
    const env2 = { ...process.env, ...connectionVariables(env.environment), PINGONE_CONNECTOR_API_KEY: "" };
    const error = await run(process.execPath, [CLI, "serve", "--port", "0"], { env: env2 }).catch((e) => e);
    expect(error.code).toBe(2);
    expect(String(error.stderr)).toMatch(/PINGONE_CONNECTOR_API_KEY/);
  });
});

describe("pingone-connector manifest", () => {
  const run = promisify(execFile);

  it("writes the same DaVinci manifest and Swimlane files on every run", async () => {
    const dir = await mkdtemp(join(tmpdir(), "manifests-"));
    for (const round of ["a", "b"]) {
      await run(process.execPath, [CLI, "manifest", "davinci", "--out", join(dir, round, "davinci.json")]);
      await run(process.execPath, [CLI, "manifest", "swimlane", "--out", join(dir, round, "swimlane")]);
    }
    const davinci = await readFile(join(dir, "a", "davinci.json"), "utf8");
    expect(await readFile(join(dir, "b", "davinci.json"), "utf8")).toBe(davinci);
    expect(JSON.parse(davinci).connectorId).toBe("pingOneSSOConnector");
    const actions = await readdir(join(dir, "a", "swimlane", "config", "actions"));
    expect(actions).toHaveLength(10);
    for (const name of [
      "connector.yaml",
      "config/assets/pingone_authentication.yaml",
      ...actions.map((a) => `config/actions/${a}`),
    ]) {
      expect(await readFile(join(dir, "b", "swimlane", name), "utf8")).toBe(
        await readFile(join(dir, "a", "swimlane", name), "utf8"),
      );
    }
    const { stdout } = await run(process.execPath, [CLI, "manifest", "davinci"]);
    expect(stdout).toBe(davinci);
  });
});

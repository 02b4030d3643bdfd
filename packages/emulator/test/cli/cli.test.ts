import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { fetchToken, send } from "../support/emulator-harness.js";

// The CLI is tested as shipped: the compiled bin (`npm test` builds first).
const CLI = fileURLToPath(new URL("../../dist/cli/main.js", import.meta.url));

interface RunningCli {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  waitFor(pattern: RegExp): Promise<RegExpMatchArray>;
  exit: Promise<number | null>;
}

function startCli(args: string[]): RunningCli {
  const child = spawn(process.execPath, [CLI, ...args]);
  let output = "";
  child.stdout.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr.on("data", (chunk) => {
    output += chunk;
  });
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exit,
    async waitFor(pattern) {
      for (let waited = 0; waited < 15_000; waited += 50) {
        const match = output.match(pattern);
        if (match !== null) return match;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`CLI never printed ${pattern}: ${output}`);
    },
  };
}

describe("pingone-emulator CLI", () => {
  const directory = mkdtempSync(join(tmpdir(), "pingone-emulator-cli-"));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it("is built", () => {
    expect(existsSync(CLI), "run `npm run build` first").toBe(true);
  });

  it("--demo creates a demo environment, serves it, stops on SIGTERM and reuses it on the next start", async () => {
    const dbPath = join(directory, "nested", "demo.db");
    const first = startCli(["--port", "0", "--demo", "--db", dbPath]);
    const [, url] = await first.waitFor(/listening on (http:\/\/\S+)/);
    const [, environmentId] = await first.waitFor(/Demo environment \(created\): (\S+)/);
    const [, clientId] = await first.waitFor(/client id:\s+(\S+)/);
    const [, clientSecret] = await first.waitFor(/client secret:\s+(\S+)/);
    const token = await fetchToken({
      environmentId: environmentId as string,
      clientId: clientId as string,
      clientSecret: clientSecret as string,
      tokenAuthMethod: "CLIENT_SECRET_BASIC",
      authUrl: url as string,
      apiUrl: url as string,
    });
    const users = await send("GET", `${url}/v1/environments/${environmentId}/users`, { token });
    expect(users.body.count).toBeGreaterThanOrEqual(3);
    const created = await send("POST", `${url}/v1/environments/${environmentId}/users`, {
      token,
      body: { username: "written-before-restart", email: "w@example.com" },
    });
    expect(created.status).toBe(201);
    first.child.kill("SIGTERM");
    expect(await first.exit).toBe(0);

    const second = startCli(["--port", "0", "--demo", "--db", dbPath]);
    const [, secondUrl] = await second.waitFor(/listening on (http:\/\/\S+)/);
    const [, reusedId] = await second.waitFor(/Demo environment \(reused\): (\S+)/);
    await second.waitFor(/client secret:\s+(\S+)/);
    expect(reusedId).toBe(environmentId);
    expect(second.output()).toContain(clientSecret as string);
    const again = await send(
      "GET",
      `${secondUrl}/v1/environments/${environmentId}/users/${created.body.id}`,
      { token },
    );
    expect(again.body.username).toBe("written-before-restart");
    second.child.kill("SIGINT");
    expect(await second.exit).toBe(0);
  });

  it("loads a seed file and refuses a bad one with exit code 1", async () => {
    const good = join(directory, "seed.json");
    writeFileSync(
      good,
      JSON.stringify({
        environments: [{ name: "From file", users: [{ username: "f", email: "f@example.com" }] }],
      }),
    );
    const seeded = startCli(["--port", "0", "--seed", good]);
    await seeded.waitFor(/Seed: environment \S+ \(From file\), 1 users/);
    await seeded.waitFor(/listening on/);
    seeded.child.kill("SIGTERM");
    expect(await seeded.exit).toBe(0);

    const bad = join(directory, "bad.json");
    writeFileSync(bad, JSON.stringify({ environments: [{ users: [{ username: "nomail" }] }] }));
    const refused = startCli(["--port", "0", "--seed", bad]);
    expect(await refused.exit).toBe(1);
    expect(refused.output()).toContain("environments[0].users[0]");

    const missing = startCli(["--port", "0", "--seed", join(directory, "absent.json")]);
    expect(await missing.exit).toBe(1);
  });

  it("refuses an invalid port", async () => {
    const refused = startCli(["--port", "http"]);
    expect(await refused.exit).not.toBe(0);
  });

  it("names --port when the port is taken, instead of EADDRINUSE", async () => {
    const first = startCli(["--port", "0"]);
    const [, url] = await first.waitFor(/listening on (http:\/\/\S+)/);
    const port = new URL(url as string).port;
    const second = startCli(["--port", port]);
    expect(await second.exit).toBe(1);
    expect(second.output()).toContain(
      `port ${port} on 127.0.0.1 is already in use: choose another with --port`,
    );
    expect(second.output()).not.toContain("EADDRINUSE");
    first.child.kill("SIGTERM");
    expect(await first.exit).toBe(0);
  });

  it("prints its version with --version", async () => {
    const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
      version: string;
    };
    const run = startCli(["--version"]);
    expect(await run.exit).toBe(0);
    expect(run.output().trim()).toBe(version);
  });
});

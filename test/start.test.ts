import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const run = promisify(execFile);

interface Started {
  child: ChildProcess;
  guide: string;
  exited: Promise<number | null>;
}

/** `node scripts/start.mjs` (what `npm start` runs after building), on free ports and a temporary data folder. */
async function startMainJob(dataDir: string, ports: Record<string, string> = {}): Promise<Started> {
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: root,
    env: {
      ...process.env,
      PINGONE_DATA_DIR: dataDir,
      PINGONE_EMULATOR_PORT: "0",
      PINGONE_CONNECTOR_PORT: "0",
      ...ports,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let guide = "";
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      guide += chunk.toString();
      if (guide.includes("Press Ctrl-C")) resolve();
    });
    child.stderr!.on("data", (chunk: Buffer) => {
      guide += chunk.toString();
    });
    exited.then((code) => reject(new Error(`npm start exited with ${code}:\n${guide}`)));
  });
  return { child, guide, exited };
}

/** The three copy-paste commands, exactly as the guide prints them (continuation lines joined). */
function commandsOf(guide: string): string[] {
  const joined = guide.replace(/\\\n\s*/g, "");
  return joined
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.startsWith("curl -s -X POST") || line.startsWith("npx pingone-connector"));
}

describe("npm start (the main job)", () => {
  it("starts the emulator and the service, prints three commands that work as printed, and stops on Ctrl-C", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "pingone-start-"));
    const first = await startMainJob(dataDir);
    try {
      expect(first.guide).toMatch(/demo environment \S+ \(created in/);
      const commands = commandsOf(first.guide);
      expect(commands).toHaveLength(3);
      const outputs = [];
      for (const command of commands) {
        const { stdout } = await run("bash", ["-c", command], { cwd: root });
        outputs.push(JSON.parse(stdout));
      }
      expect(outputs[0]).toMatchObject({
        eventName: "continue",
        output: { matchedUser: { username: "alice" } },
      });
      expect(outputs[1]).toMatchObject({
        eventName: "continue",
        output: { passwordState: { status: "OK" } },
      });
      expect(outputs[2]).toMatchObject({ status_code: 200, json_body: { size: 2 } });
      expect(first.guide).not.toMatch(/client secret/i);
      // The reference link opens in a browser, which sends no API key.
      const reference = /API reference: (http:\/\/\S+)/.exec(first.guide)![1]!;
      const page = await fetch(reference);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("/capabilities/userLookup");
    } finally {
      first.child.kill("SIGINT");
    }
    expect(await first.exited).toBe(0);

    // A second start keeps the data: same demo environment, reused from the database file.
    const environmentId = /demo environment (\S+)/.exec(first.guide)![1];
    const second = await startMainJob(dataDir);
    second.child.kill("SIGINT");
    expect(await second.exited).toBe(0);
    expect(second.guide).toContain(
      `demo environment ${environmentId} (reused from ${relative(root, join(dataDir, "emulator.db"))})`,
    );
  }, 60_000);
});

describe("npm start on a taken port", () => {
  it("names the variable that chooses the port", async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    const port = String((busy.address() as { port: number }).port);
    try {
      for (const setting of ["PINGONE_EMULATOR_PORT", "PINGONE_CONNECTOR_PORT"]) {
        const dataDir = mkdtempSync(join(tmpdir(), "pingone-start-busy-"));
        const failed = await run(process.execPath, ["scripts/start.mjs"], {
          cwd: root,
          env: {
            ...process.env,
            PINGONE_DATA_DIR: dataDir,
            PINGONE_EMULATOR_PORT: "0",
            PINGONE_CONNECTOR_PORT: "0",
            [setting]: port,
          },
        }).catch((error: { code: number; stderr: string }) => error);
        expect("code" in failed && failed.code, setting).toBe(1);
        const stderr = (failed as { stderr: string }).stderr;
        expect(stderr).toContain(`port ${port} on 127.0.0.1 is already in use`);
        expect(stderr).toContain(`Set ${setting} to a free port`);
      }
    } finally {
      await new Promise<void>((resolve) => busy.close(() => resolve()));
    }
  }, 60_000);
});

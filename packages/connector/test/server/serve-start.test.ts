import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectionVariables, runCliProcess } from "../support/cli-process.js";
import { type EmulatorEnvironment, startEmulatorEnvironment } from "../support/emulator-environment.js";

const API_KEY = "serve-start-key-0b7a4c";

/** `pingone-connector serve` refuses to start, as a process, for what would make every call fail. */
describe("pingone-connector serve: refusing to start", () => {
  let env: EmulatorEnvironment;
  let busy: Server;
  let busyPort: number;
  beforeAll(async () => {
    env = await startEmulatorEnvironment();
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    busyPort = (busy.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => busy?.close(() => resolve()));
    await env?.stop();
  });

  it("exits 2 without connection settings, with the message invoke prints, and never listens", async () => {
    const served = await runCliProcess(["serve", "--port", "0"], { PINGONE_CONNECTOR_API_KEY: API_KEY });
    const invoked = await runCliProcess(["invoke", "readUser", "--input", '{"identifier":"x"}']);
    expect(served.code).toBe(2);
    expect(invoked.code).toBe(2);
    expect(served.stderr).toContain("Invalid PingOne connection settings");
    expect(served.stderr).toBe(invoked.stderr);
    expect(served.stdout).not.toContain("listening");
  });

  it("names --port when the port is taken", async () => {
    const run = await runCliProcess(["serve", "--port", String(busyPort)], {
      ...connectionVariables(env.environment),
      PINGONE_CONNECTOR_API_KEY: API_KEY,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`port ${busyPort} on 127.0.0.1 is already in use`);
    expect(run.stderr).toContain("--port");
    expect(run.stderr).not.toContain("EADDRINUSE");
  });
});

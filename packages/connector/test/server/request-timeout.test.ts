import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestUser,
  type EmulatorEnvironment,
  startEmulatorEnvironment,
} from "../support/emulator-environment.js";
import { RawHttpConnection, rawPost } from "../support/raw-http.js";
import { type ServeProcess, startServeProcess } from "../support/serve-process.js";

const API_KEY = "request-timeout-test-key-71bd";
const TIMEOUT_MS = 1_000;
/** Node looks for expired headers every quarter of the headers timeout. */
const MARGIN_MS = 600;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Writes `text` a few bytes at a time until the connection closes. */
async function trickle(connection: RawHttpConnection, text: string, everyMs: number): Promise<void> {
  for (let i = 0; i < text.length && !connection.closed; i += 2) {
    await connection.write(text.slice(i, i + 2)).catch(() => undefined);
    await sleep(everyMs);
  }
}

describe("pingone-connector serve --request-timeout (a real process)", () => {
  let env: EmulatorEnvironment;
  let serve: ServeProcess;
  let userId: string;
  beforeAll(async () => {
    env = await startEmulatorEnvironment();
    userId = (await createTestUser(env.client)).id;
    serve = await startServeProcess(env, {
      apiKey: API_KEY,
      args: ["--request-timeout", String(TIMEOUT_MS)],
    });
  });
  afterAll(async () => {
    serve?.child.kill("SIGTERM");
    await serve?.exited;
    await env?.stop();
  });

  const body = () => JSON.stringify({ matchAttribute: "id", identifier: userId });

  it("answers a call whose body arrives in time", async () => {
    const connection = await RawHttpConnection.open(serve.port);
    await connection.write(rawPost("/capabilities/readUser", body(), { Authorization: `Bearer ${API_KEY}` }));
    expect((await connection.readResponse()).status).toBe(200);
    connection.close();
  });

  it("cuts a body sent slowly with a valid key at the timeout: 408, Connection: close, socket closed", async () => {
    const request = rawPost("/capabilities/readUser", body(), { Authorization: `Bearer ${API_KEY}` });
    const headerEnd = request.indexOf("\r\n\r\n") + 4;
    const connection = await RawHttpConnection.open(serve.port);
    const started = await connection.write(request.slice(0, headerEnd));
    void trickle(connection, request.slice(headerEnd), 100);
    const response = await connection.readResponse();
    await connection.untilClosed();
    expect(response.status).toBe(408);
    expect(response.headers.connection).toBe("close");
    expect(JSON.parse(response.body)).toMatchObject({ error: { code: "requestTimeout" } });
    expect(connection.closedAt - started).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(connection.closedAt - started).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
  });

  it("closes a connection whose headers never complete within the timeout", async () => {
    const request = rawPost("/capabilities/readUser", body(), { Authorization: `Bearer ${API_KEY}` });
    const connection = await RawHttpConnection.open(serve.port);
    const started = performance.now();
    void trickle(connection, request, 100);
    await connection.untilClosed();
    expect(connection.closedAt - started).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
  });

  it("does not hold a connection open for the rest of a slow body after a 401", async () => {
    const request = rawPost("/capabilities/readUser", body(), {
      Authorization: "Bearer wrong-key-0000000000",
    });
    const headerEnd = request.indexOf("\r\n\r\n") + 4;
    const connection = await RawHttpConnection.open(serve.port);
    const started = await connection.write(request.slice(0, headerEnd));
    void trickle(connection, request.slice(headerEnd), 100);
    expect((await connection.readResponse()).status).toBe(401);
    await connection.untilClosed();
    // The adapter gives up draining an unread body after 500 ms; Node's own request timeout, a
    // second after the service's, would cut it otherwise.
    expect(connection.closedAt - started).toBeLessThan(TIMEOUT_MS + 1_000 + MARGIN_MS);
  });
});

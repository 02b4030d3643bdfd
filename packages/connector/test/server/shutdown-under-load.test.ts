import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestUser,
  type EmulatorEnvironment,
  startEmulatorEnvironment,
} from "../support/emulator-environment.js";
import { RawHttpConnection, rawPost } from "../support/raw-http.js";
import { startServeProcess } from "../support/serve-process.js";

const API_KEY = "shutdown-load-test-key-3e9a";
const CLIENTS = 200;
const ROUNDS = 3;
/** The log's clock counts whole milliseconds: allow the one the "drained" line was written in. */
const LOG_CLOCK_SLACK_MS = 1;

/** One request of the load: when its bytes were written, and how it ended. */
interface Outcome {
  sentAt: number;
  endedAt: number;
  status?: number;
  connectionClose?: boolean;
  /** ECONNREFUSED, ECONNRESET, EPIPE, or EOF for a connection closed before the response. */
  failure?: string;
}

describe("pingone-connector serve: SIGTERM under full load (a real process)", () => {
  let env: EmulatorEnvironment;
  let request: string;
  beforeAll(async () => {
    env = await startEmulatorEnvironment();
    const user = await createTestUser(env.client);
    request = rawPost(
      "/capabilities/readUser",
      JSON.stringify({ matchAttribute: "id", identifier: user.id }),
      {
        Authorization: `Bearer ${API_KEY}`,
      },
    );
  });
  afterAll(() => env?.stop());

  it(`serves every request sent before the signal and answers later ones 503, over ${ROUNDS} rounds of ${CLIENTS} clients`, async () => {
    for (let round = 1; round <= ROUNDS; round++) {
      const serve = await startServeProcess(env, { apiKey: API_KEY, logLevel: "info" });
      const warm = await RawHttpConnection.open(serve.port);
      await warm.write(request);
      expect((await warm.readResponse()).status).toBe(200);
      warm.close();

      const outcomes: Outcome[] = [];
      const clients = Array.from({ length: CLIENTS }, () => loadUntilRefused(serve.port, request, outcomes));
      await new Promise((resolve) => setTimeout(resolve, 400));
      const signalAt = performance.now();
      serve.child.kill("SIGTERM");
      expect(await serve.exited).toBe(0);
      await Promise.all(clients);

      // The time the service logged just before closing its listener, on this process's clock.
      const drained = serve.logs.find((line) => line.record.msg === "drained: closing the listener");
      expect(drained, "the drain's end is logged").toBeDefined();
      const drainedAt = (drained!.record.time as number) - performance.timeOrigin;
      const before = outcomes.filter((o) => o.sentAt < signalAt);
      const late = outcomes.filter((o) => o.sentAt >= signalAt);
      const lateFailures = late.filter((o) => o.failure !== undefined);
      const refusals503 = late.filter((o) => o.status === 503);
      const figures = {
        round,
        sentBeforeSignal: before.length,
        before200: before.filter((o) => o.status === 200).length,
        before503: before.filter((o) => o.status === 503).length,
        resetBeforeSignal: before.filter((o) => o.failure !== undefined).length,
        late: late.length,
        late200: late.filter((o) => o.status === 200).length,
        late503: refusals503.length,
        lateFailures: countBy(lateFailures.map((o) => o.failure!)),
        drainMs: Math.round(drainedAt - signalAt),
      };
      console.info(`SIGTERM under load: ${JSON.stringify(figures)}`);

      expect(before.length).toBeGreaterThan(CLIENTS);
      // Every request sent before the signal got a complete answer, never a reset: served, or (when
      // its connection still waited in the kernel's accept queue) refused with 503 and Connection: close.
      expect(before.filter((o) => o.failure !== undefined)).toEqual([]);
      expect(before.filter((o) => o.status !== 200 && !(o.status === 503 && o.connectionClose))).toEqual([]);
      // Later ones were served (admitted before the drain began) or refused with 503 and Connection: close ...
      expect(late.filter((o) => o.status !== undefined && o.status !== 200 && o.status !== 503)).toEqual([]);
      expect(refusals503.length).toBeGreaterThan(0);
      expect(refusals503.every((o) => o.connectionClose)).toBe(true);
      // ... and a connection failed only once the drain was over and the listener closing.
      expect(lateFailures.filter((o) => o.endedAt < drainedAt - LOG_CLOCK_SLACK_MS)).toEqual([]);
    }
  }, 180_000);
});

/** One client: keep-alive requests back to back, a new connection after `Connection: close`, until refused. */
async function loadUntilRefused(port: number, request: string, outcomes: Outcome[]): Promise<void> {
  for (;;) {
    let connection: RawHttpConnection;
    try {
      connection = await RawHttpConnection.open(port);
    } catch (error) {
      const now = performance.now();
      outcomes.push({ sentAt: now, endedAt: now, failure: (error as NodeJS.ErrnoException).code });
      return;
    }
    for (;;) {
      let sentAt = performance.now();
      try {
        sentAt = await connection.write(request);
        const response = await connection.readResponse();
        const connectionClose = response.headers.connection === "close";
        outcomes.push({ sentAt, endedAt: performance.now(), status: response.status, connectionClose });
        if (connectionClose) break;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? "EOF";
        outcomes.push({ sentAt, endedAt: performance.now(), failure: code });
        break;
      }
    }
    connection.close();
  }
}

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

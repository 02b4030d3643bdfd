import { createPingOneClient } from "../src/client/pingone-client.js";
import { createDispatcher } from "../src/client/transport.js";
import type { ApiRequest, ApiResponse, PingOneClient } from "../src/index.js";
import { findCapability, runCapability } from "../src/index.js";
import type { EmulatorProcess } from "./support/emulator-process.js";
import { type BenchRow, check } from "./support/report.js";
import { connectionOf, createUsers, rawWorkerToken } from "./support/worker-token.js";

/**
 * 5. The capability layer's own work on `readUser` (input validation and copy, the handler,
 * projection of the user into the output), measured without the network: the capability runs
 * through the public `runCapability` against a client that answers at once with a response the
 * emulator gave. The floor is the same client called directly.
 */
export async function capabilityLayer(
  emulator: EmulatorProcess,
  options: { calls: number },
): Promise<BenchRow[]> {
  const env = await emulator.provision();
  const dispatcher = createDispatcher({ verifyTls: true, proxy: undefined });
  const [userId] = await createUsers(env, await rawWorkerToken(env, dispatcher), dispatcher, 1, "layer");
  const live = createPingOneClient(connectionOf(env), { dispatcher });
  const recorded = await live.request({
    method: "GET",
    path: `/environments/${env.environmentId}/users/${userId}`,
  });
  await live.close();
  await dispatcher.close();

  const answered = answeringClient(env.environmentId, live.apiBaseUrl, recorded);
  const readUser = findCapability("readUser")!;
  const input = { matchAttribute: "id", identifier: userId };
  const viaCapability = async () => {
    const result = await runCapability(readUser, input, answered);
    if (!result.ok) throw new Error(`readUser failed: ${result.code} ${result.message}`);
  };
  const floor = async () => {
    await answered.request({ method: "GET", path: `/environments/${env.environmentId}/users/${userId}` });
  };
  const calls = options.calls * 10;
  const rows: BenchRow[] = [];
  for (const concurrency of [1, 64]) {
    await perCall(calls, concurrency, viaCapability);
    await perCall(calls, concurrency, floor);
    const ours = await perCall(calls, concurrency, viaCapability);
    const base = await perCall(calls, concurrency, floor);
    const label = concurrency === 1 ? "sequential" : "64 in flight";
    rows.push(
      check(
        "capability layer",
        `readUser x${calls}, ${label}: CPU per call (client stub's ${base.toFixed(2)} µs taken off)`,
        "µs",
        ours - base,
        { max: 10, text: "< 10 µs" },
      ),
    );
  }
  return rows;
}

/** CPU microseconds per call of `task`, `concurrency` at a time. */
async function perCall(calls: number, concurrency: number, task: () => Promise<void>): Promise<number> {
  global.gc?.();
  const started = process.cpuUsage();
  let next = 0;
  const worker = async () => {
    while (next++ < calls) await task();
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const spent = process.cpuUsage(started);
  return (spent.user + spent.system) / calls;
}

/** A client that answers every call with one recorded response, as the network would have. */
function answeringClient(environmentId: string, apiBaseUrl: string, response: ApiResponse): PingOneClient {
  const answer = async <T>(_request: ApiRequest) => response as ApiResponse<T>;
  return {
    environmentId,
    apiBaseUrl,
    send: answer,
    request: answer,
    paginate: () => {
      throw new Error("readUser does not page");
    },
    close: async () => undefined,
  };
}

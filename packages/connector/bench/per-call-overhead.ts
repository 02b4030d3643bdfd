import { randomUUID } from "node:crypto";
import { fetch, request } from "undici";
import { ACCEPT_ENCODING } from "../src/client/response-body.js";
import { createDispatcher } from "../src/client/transport.js";
import { createConnector } from "../src/connector.js";
import { USER_AGENT } from "../src/version.js";
import type { EmulatorProcess } from "./support/emulator-process.js";
import { type BenchRow, row } from "./support/report.js";
import { measureCalls, repeatInTurn } from "./support/stats.js";
import { connectionOf, createUsers, rawWorkerToken } from "./support/worker-token.js";

interface Targets {
  request?: { max?: number; min?: number };
  fetch?: { max?: number; min?: number };
}

/**
 * 1. Per-call overhead: `invoke("readUser")` through the library against two hand-written loops
 * sending the same GET on the same dispatcher with the token already fetched: one with undici's
 * `fetch`, one with `undici.request` (the floor). CPU per call is the figure that counts; on
 * shared cores throughput and latency mostly measure the emulator.
 */
export async function perCallOverhead(
  emulator: EmulatorProcess,
  options: { calls: number; runs: number },
): Promise<BenchRow[]> {
  const env = await emulator.provision();
  const dispatcher = createDispatcher({ verifyTls: true, proxy: undefined });
  const token = await rawWorkerToken(env, dispatcher);
  const [userId] = await createUsers(env, token, dispatcher, 1, "overhead");
  const connector = createConnector(connectionOf(env), { client: { dispatcher } });
  const input = { matchAttribute: "id", identifier: userId };
  const warm = await connector.invoke("readUser", input);
  if (!warm.ok) throw new Error(`readUser failed: ${warm.code} ${warm.message}`);
  const url = `${env.apiUrl}/v1/environments/${env.environmentId}/users/${userId}`;
  // The same request the connector sends, headers included, so only the library's work differs.
  const headers = () => ({
    accept: "application/json",
    "accept-encoding": ACCEPT_ENCODING,
    "user-agent": USER_AGENT,
    "x-ping-external-transaction-id": randomUUID(),
    authorization: `Bearer ${token}`,
  });

  const library = async () => {
    const result = await connector.invoke("readUser", input);
    if (!result.ok) throw new Error(result.code);
  };
  const rawFetch = async () => {
    const response = await fetch(url, { headers: headers(), dispatcher });
    await response.json();
    if (response.status !== 200) throw new Error(String(response.status));
  };
  const rawRequest = async () => {
    const response = await request(url, { headers: headers(), dispatcher });
    await response.body.json();
    if (response.statusCode !== 200) throw new Error(String(response.statusCode));
  };
  const measure = (task: () => Promise<void>, concurrency: number) => () =>
    measureCalls(options.calls, concurrency, task);

  const rows: BenchRow[] = [];
  for (const concurrency of [1, 64]) {
    const [ours, viaFetch, viaRequest] = await repeatInTurn(
      options.runs,
      measure(library, concurrency),
      measure(rawFetch, concurrency),
      measure(rawRequest, concurrency),
    );
    const label =
      concurrency === 1
        ? `readUser x${options.calls}, sequential`
        : `readUser x${options.calls}, 64 in flight`;
    const pair = (metric: string, unit: string, key: keyof typeof ours, targets: Targets = {}) => [
      row(
        "per-call overhead",
        `${label}: ${metric}`,
        unit,
        ours[key],
        viaRequest[key],
        "raw undici.request",
        targets.request,
      ),
      row(
        "per-call overhead",
        `${label}: ${metric}`,
        unit,
        ours[key],
        viaFetch[key],
        "raw fetch",
        targets.fetch,
      ),
    ];
    rows.push(
      // At most 1.2x the floor, and so at least 1.5x as CPU-efficient as a hand-written fetch loop.
      ...pair("CPU per call", "µs", "cpuPerCallUs", { request: { max: 1.2 }, fetch: { max: 0.67 } }),
      ...pair("throughput", "calls/s", "throughput", { fetch: { min: 0.9 } }),
      ...pair("median latency", "ms", "median", { fetch: { max: 1.15 } }),
    );
  }
  await connector.close();
  await dispatcher.close();
  return rows;
}

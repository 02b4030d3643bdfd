import { randomUUID } from "node:crypto";
import { fetch } from "undici";
import { createDispatcher } from "../src/client/transport.js";
import { createConnector } from "../src/connector.js";
import { USER_AGENT } from "../src/version.js";
import type { EmulatorProcess } from "./support/emulator-process.js";
import { type BenchRow, row } from "./support/report.js";
import { median, repeatInTurn, runConcurrent } from "./support/stats.js";
import { connectionOf, createUsers, rawWorkerToken } from "./support/worker-token.js";

/**
 * 1. Per-call overhead: `invoke("readUser")` through the library against a raw fetch of the same
 * GET on the same dispatcher, with the token already fetched.
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
    "user-agent": USER_AGENT,
    "x-ping-external-transaction-id": randomUUID(),
    authorization: `Bearer ${token}`,
  });

  const library = async () => {
    const result = await connector.invoke("readUser", input);
    if (!result.ok) throw new Error(result.code);
  };
  const raw = async () => {
    const response = await fetch(url, { headers: headers(), dispatcher });
    await response.json();
    if (response.status !== 200) throw new Error(String(response.status));
  };
  const measure = (task: () => Promise<void>, concurrency: number) => async () => {
    const { latencies, wallMs, failures } = await runConcurrent(options.calls, concurrency, task);
    if (failures > 0) throw new Error(`${failures} calls failed`);
    return { median: median(latencies), throughput: (options.calls / wallMs) * 1000 };
  };

  const rows: BenchRow[] = [];
  for (const concurrency of [1, 64]) {
    const [ours, base] = await repeatInTurn(
      options.runs,
      measure(library, concurrency),
      measure(raw, concurrency),
    );
    const label =
      concurrency === 1
        ? `readUser x${options.calls}, sequential`
        : `readUser x${options.calls}, 64 in flight`;
    rows.push(
      row("per-call overhead", `${label}: median latency`, "ms", ours.median, base.median, "raw fetch", {
        max: 1.15,
      }),
    );
    rows.push(
      row(
        "per-call overhead",
        `${label}: throughput`,
        "calls/s",
        ours.throughput,
        base.throughput,
        "raw fetch",
        { min: 0.9 },
      ),
    );
  }
  await connector.close();
  await dispatcher.close();
  return rows;
}

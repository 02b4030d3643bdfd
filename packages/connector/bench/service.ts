import { createDispatcher } from "../src/client/transport.js";
import { createConnector } from "../src/connector.js";
import type { EmulatorProcess } from "./support/emulator-process.js";
import { type BenchRow, check, row } from "./support/report.js";
import { startServiceProcess } from "./support/service-process.js";
import { median, percentile, runConcurrent } from "./support/stats.js";
import { connectionOf, createUsers, rawWorkerToken } from "./support/worker-token.js";

/**
 * 6. Service: POST /capabilities/readUser with 64 concurrent clients against the same call
 * through the library in-process; the service's idle memory and memory under load.
 */
export async function serviceThroughput(
  emulator: EmulatorProcess,
  options: { calls: number },
): Promise<BenchRow[]> {
  const env = await emulator.provision();
  const dispatcher = createDispatcher({ verifyTls: true, proxy: undefined });
  const [userId] = await createUsers(env, await rawWorkerToken(env, dispatcher), dispatcher, 1, "service");
  await dispatcher.close();
  const input = { matchAttribute: "id", identifier: userId };

  const connector = createConnector(connectionOf(env));
  const libraryCall = async () => {
    const result = await connector.invoke("readUser", input);
    if (!result.ok) throw new Error(result.code);
  };
  await runConcurrent(200, 64, libraryCall);
  const library = await runConcurrent(options.calls, 64, libraryCall);
  await connector.close();

  const service = await startServiceProcess(env);
  const idleMb = await service.rssMb();
  const serviceCall = async () => {
    const response = await service.call("/capabilities/readUser", input);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(String(response.status));
  };
  await runConcurrent(200, 64, serviceCall);
  let loadedMb = 0;
  const sampler = setInterval(() => {
    service.rssMb().then(
      (mb) => {
        loadedMb = Math.max(loadedMb, mb);
      },
      () => undefined,
    );
  }, 100);
  const viaService = await runConcurrent(options.calls, 64, serviceCall);
  clearInterval(sampler);
  loadedMb = Math.max(loadedMb, await service.rssMb());
  await service.stop();
  if (library.failures + viaService.failures > 0) throw new Error("calls failed in the service benchmark");

  const throughput = (r: { wallMs: number }) => (options.calls / r.wallMs) * 1000;
  return [
    row(
      "service",
      `readUser x${options.calls}, 64 clients: throughput`,
      "calls/s",
      throughput(viaService),
      throughput(library),
      "library in-process",
    ),
    row(
      "service",
      "median latency",
      "ms",
      median(viaService.latencies),
      median(library.latencies),
      "library in-process",
    ),
    row(
      "service",
      "p99 latency",
      "ms",
      percentile(viaService.latencies, 99),
      percentile(library.latencies, 99),
      "library in-process",
    ),
    check("service", "resident memory, idle", "MB", idleMb, { text: "reported" }),
    check("service", "resident memory, under load (peak)", "MB", loadedMb, { text: "reported" }),
  ];
}

import { fileURLToPath } from "node:url";
import { Agent, request } from "undici";
import { createDispatcher } from "../src/client/transport.js";
import { createConnector } from "../src/connector.js";
import type { EmulatorProcess, ProvisionedEnvironment } from "./support/emulator-process.js";
import { type BenchRow, check, row } from "./support/report.js";
import { type ServerProcess, startServerProcess } from "./support/server-process.js";
import { startServiceProcess } from "./support/service-process.js";
import { median, percentile, repeatInTurn, runConcurrent } from "./support/stats.js";
import { connectionOf, createUsers, rawWorkerToken } from "./support/worker-token.js";

const FORWARDING_SERVER = fileURLToPath(new URL("./support/forwarding-server.ts", import.meta.url));
const CLIENTS = 64;

type Figures = { throughput: number; median: number; p99: number; cpuPerCallUs: number };

/**
 * 6. Service: `POST /capabilities/readUser` from 64 clients, against its baseline, a minimal
 * `node:http` server in its own process that makes the same PingOne GET with `undici.request`
 * (`support/forwarding-server.ts`), and beside the same call through the library in-process.
 * Rounds alternate between the three. Both servers are loaded by the same `undici.request`
 * client; besides throughput and latency, each server's own CPU per call (from /proc) shows
 * what the service costs on 2 shared cores, where the wall clock also measures the emulator
 * and the client. The service's memory is read idle and at its peak under load.
 */
export async function serviceThroughput(
  emulator: EmulatorProcess,
  options: { calls: number; runs: number },
): Promise<BenchRow[]> {
  const env = await emulator.provision();
  const dispatcher = createDispatcher({ verifyTls: true, proxy: undefined });
  const token = await rawWorkerToken(env, dispatcher);
  const [userId] = await createUsers(env, token, dispatcher, 1, "service");
  await dispatcher.close();
  const input = { matchAttribute: "id", identifier: userId };
  const body = JSON.stringify(input);

  const connector = createConnector(connectionOf(env));
  const service = await startServiceProcess(env);
  const forwarding = await startForwardingServer(env, token);
  const idle = await service.memory();
  const idleForwarding = await forwarding.memory();
  const client = new Agent({ connections: CLIENTS, keepAliveTimeout: 30_000 });
  const post = (url: string, apiKey?: string) => async () => {
    const response = await request(url, {
      method: "POST",
      body,
      dispatcher: client,
      headers: { "content-type": "application/json", ...(apiKey && { authorization: `Bearer ${apiKey}` }) },
    });
    await response.body.text();
    if (response.statusCode !== 200) throw new Error(String(response.statusCode));
  };
  const overHttp = (server: ServerProcess, call: () => Promise<void>) => async (): Promise<Figures> => {
    const cpu = await server.cpuMicros();
    const run = await runConcurrent(options.calls, CLIENTS, call);
    const spent = (await server.cpuMicros()) - cpu;
    if (run.failures > 0) throw new Error(`${run.failures} of ${options.calls} calls failed`);
    return { ...summary(run, options.calls), cpuPerCallUs: spent / options.calls };
  };
  const inProcess = async (): Promise<Figures> => {
    const cpu = process.cpuUsage();
    const run = await runConcurrent(options.calls, CLIENTS, async () => {
      const result = await connector.invoke("readUser", input);
      if (!result.ok) throw new Error(result.code);
    });
    const spent = process.cpuUsage(cpu);
    if (run.failures > 0) throw new Error(`${run.failures} of ${options.calls} library calls failed`);
    return { ...summary(run, options.calls), cpuPerCallUs: (spent.user + spent.system) / options.calls };
  };

  const peak = { rssMb: 0, heapUsedMb: 0 };
  const sampler = setInterval(() => {
    service.memory().then(
      (m) => {
        peak.rssMb = Math.max(peak.rssMb, m.rssMb);
        peak.heapUsedMb = Math.max(peak.heapUsedMb, m.heapUsedMb);
      },
      () => undefined,
    );
  }, 100);
  let viaService: Figures;
  let viaForwarding: Figures;
  let library: Figures;
  try {
    [viaService, viaForwarding, library] = await repeatInTurn(
      options.runs,
      overHttp(service, post(`${service.url}/capabilities/readUser`, service.apiKey)),
      overHttp(forwarding, post(forwarding.url)),
      inProcess,
    );
  } finally {
    clearInterval(sampler);
    await Promise.all([service.stop(), forwarding.stop(), connector.close(), client.close()]);
  }

  const label = `readUser x${options.calls}, ${CLIENTS} clients`;
  const baseline = "node:http + undici.request";
  return [
    row(
      "service",
      `${label}: throughput`,
      "calls/s",
      viaService.throughput,
      viaForwarding.throughput,
      baseline,
      {
        min: 0.7,
      },
    ),
    row(
      "service",
      `${label}: throughput`,
      "calls/s",
      viaService.throughput,
      library.throughput,
      "library in-process",
    ),
    row(
      "service",
      "server CPU per call",
      "µs",
      viaService.cpuPerCallUs,
      viaForwarding.cpuPerCallUs,
      baseline,
    ),
    row("service", "median latency", "ms", viaService.median, viaForwarding.median, baseline),
    row("service", "p99 latency", "ms", viaService.p99, viaForwarding.p99, baseline),
    check(
      "service",
      "resident memory, idle",
      "MB",
      idle.rssMb,
      { text: "reported" },
      idleForwarding.rssMb,
      baseline,
    ),
    check("service", "V8 heap in use, idle", "MB", idle.heapUsedMb, { text: "reported" }),
    check("service", "resident memory, under load (peak)", "MB", peak.rssMb, { text: "reported" }),
    check("service", "V8 heap in use, under load (peak)", "MB", peak.heapUsedMb, { text: "reported" }),
  ];
}

function summary(run: { latencies: number[]; wallMs: number }, calls: number) {
  return {
    throughput: (calls / run.wallMs) * 1000,
    median: median(run.latencies),
    p99: percentile(run.latencies, 99),
  };
}

/** The baseline server, with the worker token the bench fetched (it never renews one). */
function startForwardingServer(env: ProvisionedEnvironment, token: string): Promise<ServerProcess> {
  return startServerProcess(["--import", "tsx", FORWARDING_SERVER], {
    FORWARD_API_URL: env.apiUrl,
    FORWARD_ENVIRONMENT_ID: env.environmentId,
    FORWARD_TOKEN: token,
  });
}

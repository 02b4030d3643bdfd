import { fetch } from "undici";
import { createPingOneClient } from "../src/client/pingone-client.js";
import { createDispatcher } from "../src/client/transport.js";
import type { ProvisionedEnvironment } from "./support/emulator-process.js";
import { type BenchRow, check, row } from "./support/report.js";
import { repeatInTurn } from "./support/stats.js";
import { connectionOf, rawWorkerToken } from "./support/worker-token.js";

const MB = 1024 * 1024;

/**
 * 2. Paging: iterate every user through the paging iterator against a raw loop that follows
 * `_links.next`; the iterator must stream (flat memory), not accumulate.
 */
export async function paging(
  env: ProvisionedEnvironment,
  options: { users: number; runs: number },
): Promise<BenchRow[]> {
  const dispatcher = createDispatcher({ verifyTls: true, proxy: undefined });
  const token = await rawWorkerToken(env, dispatcher);
  const client = createPingOneClient(connectionOf(env), { dispatcher });
  const path = `/environments/${env.environmentId}/users`;

  const viaIterator = async () => {
    let count = 0;
    for await (const _user of client.paginate(path, { embedded: "users" })) count++;
    return count;
  };
  const viaRawLoop = async () => {
    let count = 0;
    let next: string | undefined = `${env.apiUrl}/v1${path}`;
    while (next) {
      const response = await fetch(next, {
        headers: { authorization: `Bearer ${token}`, accept: "application/json" },
        dispatcher,
      });
      const page = (await response.json()) as {
        _embedded?: { users?: unknown[] };
        _links?: { next?: { href: string } };
      };
      count += page._embedded?.users?.length ?? 0;
      next = page._links?.next?.href;
    }
    return count;
  };
  const measure = (task: () => Promise<number>) => async () => {
    const started = performance.now();
    const count = await task();
    if (count !== options.users) throw new Error(`paged ${count} users, expected ${options.users}`);
    return { throughput: (count / (performance.now() - started)) * 1000 };
  };
  const [ours, base] = await repeatInTurn(options.runs, measure(viaIterator), measure(viaRawLoop));

  // Memory: peak heap growth while streaming every user once, sampled as it goes.
  global.gc?.();
  const baseline = process.memoryUsage().heapUsed;
  let peak = baseline;
  let seen = 0;
  for await (const _user of client.paginate(path, { embedded: "users" })) {
    if (++seen % 500 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  const growthMb = (peak - baseline) / MB;
  await client.close();
  await dispatcher.close();
  return [
    row(
      "paging",
      `${options.users} users: throughput`,
      "users/s",
      ours.throughput,
      base.throughput,
      "raw next-link loop",
      {
        min: 0.95,
      },
    ),
    check("paging", `${options.users} users: peak heap growth`, "MB", growthMb, { max: 50, text: "< 50 MB" }),
  ];
}

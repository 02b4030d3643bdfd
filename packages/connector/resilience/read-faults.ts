import type { Connector } from "../src/connector.js";
import { clearFaults, injectFaults, type ResilienceEnvironment, responsesWithStatus } from "./environment.js";
import { JOURNEYS, type JourneyContext } from "./journeys.js";

export interface ReadFaultReport {
  journeysRun: number;
  failures: string[];
  /** Faulted answers PingOne's reads got: 500s and 503s (dropped connections are not counted by the emulator). */
  faultedResponses: number;
}

/**
 * Faults on reads: every GET under /v1 fails with probability `probability`, split evenly between a
 * 500, a 503 with Retry-After and a dropped connection. Every journey must still succeed.
 */
export async function journeysUnderReadFaults(
  env: ResilienceEnvironment,
  connector: Connector,
  secrets: Pick<JourneyContext, "password" | "newPassword" | "codesSeen">,
  options: { iterations: number; probability: number; concurrency: number },
): Promise<ReadFaultReport> {
  const each = 1 - (1 - options.probability) ** (1 / 3);
  const before =
    (await responsesWithStatus(env.emulatorUrl, 500)) + (await responsesWithStatus(env.emulatorUrl, 503));
  await injectFaults(env.emulatorUrl, [
    { method: "GET", path: "/v1/**", status: 500, probability: each },
    { method: "GET", path: "/v1/**", status: 503, retryAfter: 1, probability: each },
    { method: "GET", path: "/v1/**", resetConnection: true, probability: each },
  ]);
  const ctx: JourneyContext = {
    connector,
    emulatorUrl: env.emulatorUrl,
    environmentId: env.environmentId,
    identityProviderId: env.identityProviderId,
    ...secrets,
  };
  const failures: string[] = [];
  let journeysRun = 0;
  let next = 0;
  const worker = async () => {
    while (next < options.iterations) {
      next++;
      for (const [name, journey] of Object.entries(JOURNEYS)) {
        journeysRun++;
        try {
          await journey(ctx);
        } catch (error) {
          failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(options.concurrency, options.iterations) }, worker));
  } finally {
    await clearFaults(env.emulatorUrl);
  }
  const after =
    (await responsesWithStatus(env.emulatorUrl, 500)) + (await responsesWithStatus(env.emulatorUrl, 503));
  return { journeysRun, failures, faultedResponses: after - before };
}

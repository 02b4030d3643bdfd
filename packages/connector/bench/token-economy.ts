import { createDispatcher } from "../src/client/transport.js";
import { createConnector } from "../src/connector.js";
import type { EmulatorProcess } from "./support/emulator-process.js";
import { type BenchRow, check } from "./support/report.js";
import { startServiceProcess } from "./support/service-process.js";
import { runConcurrent } from "./support/stats.js";
import { connectionOf, createUsers, rawWorkerToken } from "./support/worker-token.js";

async function tokensIssued(emulator: EmulatorProcess): Promise<number> {
  return ((await emulator.backDoor("GET", "/_emulator/stats")) as { tokensIssued: number }).tokensIssued;
}

/** 4. Token economy: 10,000 calls from 64 concurrent workers make exactly one token request. */
export async function tokenEconomy(
  emulator: EmulatorProcess,
  options: { calls: number },
): Promise<BenchRow[]> {
  const env = await emulator.provision();
  const dispatcher = createDispatcher({ verifyTls: true, proxy: undefined });
  const [userId] = await createUsers(env, await rawWorkerToken(env, dispatcher), dispatcher, 1, "token");
  await dispatcher.close();
  const input = { matchAttribute: "id", identifier: userId };

  const before = await tokensIssued(emulator);
  const connector = createConnector(connectionOf(env));
  const library = await runConcurrent(options.calls, 64, async () => {
    const result = await connector.invoke("readUser", input);
    if (!result.ok) throw new Error(result.code);
  });
  const libraryTokens = (await tokensIssued(emulator)) - before;
  await connector.close();

  const service = await startServiceProcess(env);
  const beforeService = await tokensIssued(emulator);
  const viaService = await runConcurrent(options.calls, 64, async () => {
    const response = await service.call("/capabilities/readUser", input);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(String(response.status));
  });
  const serviceTokens = (await tokensIssued(emulator)) - beforeService;
  await service.stop();

  const failures = library.failures + viaService.failures;
  if (failures > 0) throw new Error(`${failures} calls failed in the token-economy run`);
  return [
    check(
      "token economy",
      `${options.calls} readUser, 64 workers, library: token requests`,
      "requests",
      libraryTokens,
      {
        min: 1,
        max: 1,
        text: "= 1",
      },
    ),
    check(
      "token economy",
      `${options.calls} readUser, 64 clients, HTTP service: token requests`,
      "requests",
      serviceTokens,
      {
        min: 1,
        max: 1,
        text: "= 1",
      },
    ),
  ];
}

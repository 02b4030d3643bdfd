import fc from "fast-check";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTIONS } from "../../src/actions/index.js";
import { CAPABILITIES } from "../../src/capabilities/index.js";
import { type RunningService, startService } from "../../src/server/service.js";
import {
  createTestUser,
  type EmulatorEnvironment,
  startEmulatorEnvironment,
} from "../support/emulator-environment.js";

// Issue 5: bad input gets a clear 4xx and never takes the service down. Random inputs to every
// capability and action, over real HTTP against the emulator, with a fixed seed.
describe("HTTP service under random input", () => {
  let env: EmulatorEnvironment;
  let service: RunningService;
  let user: { id: string; username: string };
  beforeAll(async () => {
    env = await startEmulatorEnvironment();
    user = await createTestUser(env.client);
    service = await startService({
      connection: env.connection,
      logger: pino({ level: "silent" }),
      port: 0,
      apiKey: "bad-input-fuzz-key-0001",
    });
  });
  afterAll(async () => {
    await service?.shutdown();
    await env?.stop();
  });

  it("answers every random input with a success or a 4xx carrying an error code, never a 5xx", async () => {
    const paths = [
      ...CAPABILITIES.map((c) => `/capabilities/${c.id}`),
      ...ACTIONS.map((a) => `/actions/${a.name}`),
    ];
    // Real ids and names mixed with junk, so some calls reach PingOne and some fail validation.
    const value = fc.oneof(
      fc.anything(),
      fc.constant(user.id),
      fc.constant(user.username),
      fc.constant("../x"),
      fc.string(),
    );
    const input = fc.oneof(
      fc.json(),
      fc.string(),
      fc
        .record(
          {
            matchAttribute: fc.oneof(fc.constantFrom("id", "username", "email"), fc.anything()),
            identifier: value,
            userId: value,
            groupId: value,
            password: value,
            properties: fc.anything(),
            path_parameters: fc.oneof(fc.record({ userID: value, envID: value }), fc.anything()),
            parameters: fc.anything(),
            headers: fc.anything(),
            json_body: fc.anything(),
            userIdentifierForFindUser: value,
            username: value,
            groupName: value,
          },
          { requiredKeys: [] },
        )
        .map((record) => JSON.stringify(record)),
    );
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), input, async (path, body) => {
        const response = await fetch(`${service.url}${path}`, {
          method: "POST",
          headers: { authorization: "Bearer bad-input-fuzz-key-0001", "content-type": "application/json" },
          body,
        });
        const answer = (await response.json()) as { error?: { code?: unknown } };
        if (response.status >= 500) failures.push(`${response.status} ${path} ${body.slice(0, 120)}`);
        if (response.status >= 400 && typeof answer.error?.code !== "string")
          failures.push(`${response.status} ${path} without an error code`);
      }),
      { numRuns: 800, seed: 20261124 },
    );
    expect(failures).toEqual([]);
    expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
  });
});

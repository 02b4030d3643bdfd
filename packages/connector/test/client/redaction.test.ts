import { inspect } from "node:util";
import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPingOneClient, createTokenStore, PingOneApiError } from "../../src/index.js";
import { type FakePingOne, startFakePingOne } from "../support/fake-pingone.js";

const PASSWORD = "Canary-Password-9f3a!";
const CODE = "CANARYCD";

describe("redaction", () => {
  let fake: FakePingOne;
  beforeEach(async () => {
    fake = await startFakePingOne();
    fake.clientSecret = "canary-client-secret-5be1c0";
  });
  afterEach(() => fake.close());

  it("keeps the client secret, tokens, passwords and codes out of logs and errors", async () => {
    const lines: string[] = [];
    const logger = pino({ level: "trace" }, { write: (chunk: string) => lines.push(chunk) });
    // A PingOne that echoes what it was sent in its error bodies, the worst case for leaks.
    fake.handlers.push((request) => ({
      status: request.method === "GET" ? 503 : 400,
      body: {
        id: "e",
        code: "INVALID_DATA",
        message: `echo ${request.headers.authorization} ${request.body}`,
        details: [
          {
            code: "INVALID_VALUE",
            target: "password",
            message: `bad ${request.body}`,
            innerError: request.body ? JSON.parse(request.body) : {},
          },
        ],
      },
    }));
    const client = createPingOneClient(
      {
        envId: fake.environmentId,
        clientId: fake.clientId,
        clientSecret: fake.clientSecret,
        apiUrl: fake.url,
      },
      { tokenStore: createTokenStore(), logger, retry: { maxAttempts: 2, baseDelayMs: 1 } },
    );
    const base = `/environments/${fake.environmentId}/users/u1/password`;
    const errors = await Promise.all([
      client
        .request({
          method: "POST",
          path: base,
          contentType: "application/vnd.pingidentity.password.check+json",
          body: { password: PASSWORD },
        })
        .catch((e: unknown) => e),
      client
        .request({
          method: "POST",
          path: base,
          contentType: "application/vnd.pingidentity.password.recover+json",
          body: { recoveryCode: CODE, newPassword: PASSWORD },
        })
        .catch((e: unknown) => e),
      client.request({ method: "GET", path: base }).catch((e: unknown) => e),
    ]);
    const tokens = [...fake.validTokens];
    expect(tokens.length).toBeGreaterThan(0);
    const canaries = [fake.clientSecret, PASSWORD, CODE, ...tokens];

    for (const error of errors) {
      expect(error).toBeInstanceOf(PingOneApiError);
      const apiError = error as PingOneApiError;
      const surfaces = [
        apiError.message,
        JSON.stringify(apiError),
        inspect(apiError, { depth: 10 }),
        String(apiError),
      ];
      for (const surface of surfaces) {
        for (const canary of canaries) expect(surface).not.toContain(canary);
      }
    }
    const logText = lines.join("\n");
    expect(logText).toContain("retrying PingOne call");
    for (const canary of canaries) expect(logText).not.toContain(canary);
  });
});

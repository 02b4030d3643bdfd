import { describe, expect, it } from "vitest";
import type { ApiRequest, PingOneClient } from "../../src/client/types.js";
import { findCapability, runCapability } from "../../src/index.js";
import { createUserWithPassword, strongPassword } from "../support/capability-harness.js";
import { useEmulatorConnector } from "../support/emulator-connector.js";
import { createTestUser } from "../support/emulator-environment.js";

const fixture = useEmulatorConnector();

/** The emulator's worker client, noting every request a capability hands it. */
function observed(client: PingOneClient): { client: PingOneClient; requests: ApiRequest[] } {
  const requests: ApiRequest[] = [];
  return {
    requests,
    client: {
      environmentId: client.environmentId,
      apiBaseUrl: client.apiBaseUrl,
      send: (request) => {
        requests.push(request);
        return client.send(request);
      },
      request: (request) => {
        requests.push(request);
        return client.request(request);
      },
      paginate: (path, options) => client.paginate(path, options),
      close: () => client.close(),
    },
  };
}

describe("a capability run's context", () => {
  it("sends every call of the run with the run's one transaction id and abort signal", async () => {
    const password = strongPassword();
    const user = await createUserWithPassword(fixture.env.client, password);
    const { client, requests } = observed(fixture.env.client);
    const controller = new AbortController();
    const result = await runCapability(
      findCapability("checkPassword")!,
      { matchAttribute: "username", identifier: user.username, password },
      client,
      { transactionId: "run-context-1", signal: controller.signal },
    );
    expect(result.ok).toBe(true);
    // The user lookup, then the check: the handlers pass neither value themselves.
    expect(requests.map((request) => request.method)).toEqual(["GET", "POST"]);
    for (const request of requests) {
      expect(request.transactionId).toBe("run-context-1");
      expect(request.signal).toBe(controller.signal);
    }
    // The emulator echoes the id it received, as PingOne does.
    expect(result.ok && result.response.headers["x-ping-external-transaction-id"]).toBe("run-context-1");
  });

  it("stops a run whose signal is aborted, and names its transaction id", async () => {
    const user = await createTestUser(fixture.env.client);
    const controller = new AbortController();
    controller.abort();
    const result = await runCapability(
      findCapability("readUser")!,
      { identifier: user.id },
      fixture.env.client,
      {
        transactionId: "run-context-2",
        signal: controller.signal,
      },
    );
    expect(result).toMatchObject({ ok: false, code: "unexpectedError", transactionId: "run-context-2" });
  });
});

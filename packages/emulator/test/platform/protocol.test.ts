import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type EmulatorFixture,
  fetchToken,
  provisionEnvironment,
  send,
  startEmulatorFixture,
} from "../support/emulator-harness.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("protocol: headers, auth, routing and bodies", () => {
  let fixture: EmulatorFixture;

  beforeAll(async () => {
    fixture = await startEmulatorFixture();
  });
  afterAll(() => fixture.stop());

  it("sends a fresh UUID Correlation-Id on every response, errors included", async () => {
    const first = await fixture.api("GET", "/users");
    const second = await fixture.api("GET", "/users/unknown");
    expect(first.headers.get("correlation-id")).toMatch(UUID);
    expect(second.headers.get("correlation-id")).toMatch(UUID);
    expect(first.headers.get("correlation-id")).not.toBe(second.headers.get("correlation-id"));
  });

  it("echoes the external transaction and session ids, sanitised, and generates them when absent", async () => {
    const sent = await fixture.api("GET", "/users", {
      headers: { "X-Ping-External-Transaction-Id": "run 42/<a>", "X-Ping-External-Session-Id": "flow-7" },
    });
    expect(sent.headers.get("x-ping-external-transaction-id")).toBe("run_42/_a_");
    expect(sent.headers.get("x-ping-external-session-id")).toBe("flow-7");
    const long = await fixture.api("GET", "/users", {
      headers: { "X-Ping-External-Transaction-Id": "x".repeat(150) },
    });
    expect(long.headers.get("x-ping-external-transaction-id")).toBe("x".repeat(100));
    const absent = await fixture.api("GET", "/users");
    expect(absent.headers.get("x-ping-external-transaction-id")).toMatch(UUID);
  });

  it("answers 401 ACCESS_FAILED/INVALID_TOKEN without a token or with an unknown one", async () => {
    const missing = await send(
      "GET",
      `${fixture.url}/v1/environments/${fixture.environment.environmentId}/users`,
    );
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual({
      id: expect.stringMatching(UUID),
      code: "ACCESS_FAILED",
      message: expect.any(String),
      details: [{ code: "INVALID_TOKEN", message: expect.any(String) }],
    });
    const unknown = await fixture.api("GET", "/users", { token: "not-a-token" });
    expect(unknown.status).toBe(401);
    const notBearer = await send("GET", `${fixture.url}/v1/environments`, {
      headers: { Authorization: "Basic abc" },
    });
    expect(notBearer.status).toBe(401);
  });

  it("answers 403 for a token of another environment", async () => {
    const other = await provisionEnvironment(fixture.url);
    const result = await send("GET", `${fixture.url}/v1/environments/${other.environmentId}/users`, {
      token: fixture.token,
    });
    expect(result.status).toBe(403);
    expect(result.body).toMatchObject({
      code: "ACCESS_FAILED",
      details: [{ code: "INSUFFICIENT_PERMISSIONS" }],
    });
  });

  it("answers 403 when the worker lacks Identity Data Admin for user operations", async () => {
    const environment = await provisionEnvironment(fixture.url, { roles: ["Environment Admin"] });
    const token = await fetchToken(environment);
    const result = await send("GET", `${fixture.url}/v1/environments/${environment.environmentId}/users`, {
      token,
    });
    expect(result.status).toBe(403);
    expect(result.body).toMatchObject({
      code: "ACCESS_FAILED",
      details: [{ code: "INSUFFICIENT_PERMISSIONS" }],
    });
  });

  it("answers 404 NOT_FOUND for unknown paths and 405 for unsupported methods", async () => {
    const unknown = await fixture.api("GET", "/no-such-collection");
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: "NOT_FOUND", id: expect.stringMatching(UUID) });
    const outside = await send("GET", `${fixture.url}/nothing/here/at/all`);
    expect(outside.status).toBe(404);
    const method = await fixture.api("DELETE", "/users");
    expect(method.status).toBe(405);
    expect(method.body).toMatchObject({ id: expect.stringMatching(UUID), code: expect.any(String) });
  });

  it("refuses malformed JSON, non-object bodies and bodies over 1 MB with 400 and changes nothing", async () => {
    const malformed = await fixture.api("POST", "/populations", { rawBody: '{"name": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ code: "INVALID_REQUEST" });
    const array = await fixture.api("POST", "/populations", { rawBody: '["name"]' });
    expect(array.status).toBe(400);
    const big = await fixture.api("POST", "/populations", {
      rawBody: JSON.stringify({ name: "big", description: "x".repeat(1024 * 1024) }),
    });
    expect(big.status).toBe(400);
    expect(big.body).toMatchObject({ code: "INVALID_REQUEST", details: [{ code: "SIZE_LIMIT_EXCEEDED" }] });
    const populations = await fixture.api("GET", "/populations");
    expect(populations.body.count).toBe(1);
  });

  it("refuses a streamed body over 1 MB that declares no length", async () => {
    const chunk = new TextEncoder().encode(`"${"x".repeat(64 * 1024)}",`);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0)
          controller.enqueue(new TextEncoder().encode('{"name": "streamed", "alternativeIdentifiers": ['));
        if (sent > 20) {
          controller.enqueue(new TextEncoder().encode('"end"]}'));
          controller.close();
          return;
        }
        controller.enqueue(chunk);
        sent += 1;
      },
    });
    const response = await fetch(
      `${fixture.url}/v1/environments/${fixture.environment.environmentId}/populations`,
      {
        method: "POST",
        headers: { Authorization: `Bearer ${fixture.token}`, "Content-Type": "application/json" },
        body,
        duplex: "half",
      } as RequestInit,
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as { details: { code: string }[] }).details[0]?.code).toBe(
      "SIZE_LIMIT_EXCEEDED",
    );
    const populations = await fixture.api(
      "GET",
      `/populations?filter=${encodeURIComponent('name sw "streamed"')}`,
    );
    expect(populations.body.count).toBe(0);
  });

  it("accepts a charset parameter on application/json", async () => {
    const result = await fixture.api("POST", "/populations", {
      body: { name: "Charset" },
      contentType: "application/json; charset=UTF-8",
    });
    expect(result.status).toBe(201);
  });
});

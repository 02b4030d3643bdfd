import { compileErrors, validate } from "@readme/openapi-parser";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningService, startService } from "../../src/server/service.js";
import { type EmulatorEnvironment, startEmulatorEnvironment } from "../support/emulator-environment.js";

const API_KEY = "reference-pages-key-91c3";
const silent = pino({ level: "silent" });

interface OpenApiOperation {
  operationId: string;
  responses: Record<string, unknown>;
}

describe("the service's reference pages (docs/connector-service.md#reference-pages)", () => {
  let env: EmulatorEnvironment;
  let loopback: RunningService;
  beforeAll(async () => {
    env = await startEmulatorEnvironment();
    loopback = await startService({ connection: env.connection, logger: silent, port: 0, apiKey: API_KEY });
  });
  afterAll(async () => {
    await loopback?.shutdown();
    await env?.stop();
  });

  it("opens /docs and /openapi.json in a browser (no key) on a loopback listener, and nothing else", async () => {
    const docs = await fetch(`${loopback.url}/docs`);
    expect(docs.status).toBe(200);
    expect(docs.headers.get("content-type")).toMatch(/text\/html/);
    expect((await fetch(`${loopback.url}/openapi.json`)).status).toBe(200);
    for (const path of ["/capabilities", "/metrics"])
      expect((await fetch(`${loopback.url}${path}`)).status).toBe(401);
    const call = await fetch(`${loopback.url}/capabilities/readUser`, { method: "POST", body: "{}" });
    expect(call.status).toBe(401);
  });

  it("keeps them behind the key on a listener other hosts can reach", async () => {
    // Listens on every interface; the test only ever connects through 127.0.0.1.
    const exposed = await startService({
      connection: env.connection,
      logger: silent,
      port: 0,
      host: "0.0.0.0",
      apiKey: API_KEY,
    });
    try {
      const port = new URL(exposed.url).port;
      for (const path of ["/docs", "/openapi.json"]) {
        expect((await fetch(`http://127.0.0.1:${port}${path}`)).status).toBe(401);
        const keyed = await fetch(`http://127.0.0.1:${port}${path}`, {
          headers: { authorization: `Bearer ${API_KEY}` },
        });
        expect(keyed.status).toBe(200);
      }
    } finally {
      await exposed.shutdown();
    }
  });

  it("serves a valid OpenAPI 3.1 document with a server and a client error on every operation", async () => {
    const document = (await (await fetch(`${loopback.url}/openapi.json`)).json()) as {
      servers?: { url: string }[];
      paths: Record<string, Record<string, OpenApiOperation>>;
    };
    const result = await validate(structuredClone(document) as never);
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
    expect(document.servers?.length).toBeGreaterThan(0);
    // Relative to where the document is served, so it holds behind any address or proxy.
    const server = new URL(document.servers![0]!.url, `${loopback.url}/openapi.json`);
    expect((await fetch(new URL("healthz", server))).status).toBe(200);
    const withoutClientError = Object.values(document.paths)
      .flatMap((operations) => Object.values(operations))
      .filter((operation) => !Object.keys(operation.responses).some((status) => status.startsWith("4")))
      .map((operation) => operation.operationId);
    expect(withoutClientError).toEqual([]);
  });

  it("renders every backtick span of the document as code, so the page shows no literal backtick", async () => {
    const html = await (await fetch(`${loopback.url}/docs`)).text();
    // Schemas and examples are JSON in <pre> blocks, shown as they are; the prose around them is not.
    const prose = html.replace(/<pre>[\s\S]*?<\/pre>/g, "");
    expect(prose).not.toContain("`");
    expect(prose).toContain("<code>Authorization: Bearer &#60;PINGONE_CONNECTOR_API_KEY&#62;</code>");
    expect(prose).toContain("<code>code</code> is its error key");
  });
});

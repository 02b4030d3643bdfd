import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";

/**
 * A minimal PingOne stand-in for the client's own tests: a real HTTP(S) server on 127.0.0.1 with
 * a token endpoint and scripted API answers, recording what it received. Capability tests use
 * the real emulator instead.
 */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  at: number;
}

export interface ScriptedAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Destroy the socket instead of answering. */
  reset?: boolean;
  /** Answer after this many milliseconds. */
  delayMs?: number;
  /** Bytes to send as the body instead of `body` as JSON (with `headers` saying what they are). */
  raw?: Buffer;
}

export type ApiHandler = (request: RecordedRequest) => ScriptedAnswer | undefined;

export interface FakePingOne {
  url: string;
  environmentId: string;
  clientId: string;
  clientSecret: string;
  tokenRequests: RecordedRequest[];
  apiRequests: RecordedRequest[];
  /** Tokens the API accepts; the next issued one is appended. */
  validTokens: Set<string>;
  /** Answers for `/v1/...`, tried in order: the first that returns an answer wins. */
  handlers: ApiHandler[];
  tokenExpiresIn: number;
  /** Milliseconds the token endpoint waits before answering (to let callers pile up). */
  tokenDelayMs: number;
  close(): Promise<void>;
}

const fixtures = new URL("../fixtures/", import.meta.url);

export async function startFakePingOne(options: { tls?: boolean } = {}): Promise<FakePingOne> {
  const fake: Omit<FakePingOne, "url" | "close"> = {
    environmentId: randomUUID(),
    clientId: randomUUID(),
    clientSecret: `secret-${randomUUID()}`,
    tokenRequests: [],
    apiRequests: [],
    validTokens: new Set(),
    handlers: [],
    tokenExpiresIn: 3600,
    tokenDelayMs: 0,
  };
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const recorded: RecordedRequest = {
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        at: Date.now(),
      };
      if (recorded.path === `/${fake.environmentId}/as/token`) {
        fake.tokenRequests.push(recorded);
        setTimeout(() => answerToken(recorded, res), fake.tokenDelayMs);
        return;
      }
      fake.apiRequests.push(recorded);
      const auth = String(req.headers.authorization ?? "");
      if (!fake.validTokens.has(auth.replace(/^Bearer /, ""))) {
        return send(res, {
          status: 401,
          body: { id: randomUUID(), code: "ACCESS_FAILED", message: "bad token" },
        });
      }
      for (const handler of fake.handlers) {
        const answer = handler(recorded);
        if (answer) return send(res, answer);
      }
      send(res, { status: 404, body: { id: randomUUID(), code: "NOT_FOUND", message: "no such route" } });
    });
  };
  const answerToken = (recorded: RecordedRequest, res: ServerResponse) => {
    const expected = `Basic ${Buffer.from(`${fake.clientId}:${fake.clientSecret}`).toString("base64")}`;
    const form = new URLSearchParams(recorded.body);
    const basicOk = recorded.headers.authorization === expected;
    const postOk = form.get("client_id") === fake.clientId && form.get("client_secret") === fake.clientSecret;
    if (form.get("grant_type") !== "client_credentials" || !(basicOk || postOk)) {
      return send(res, {
        status: 401,
        body: { error: "invalid_client", error_description: "Client authentication failed" },
      });
    }
    const token = `token-${randomUUID()}`;
    fake.validTokens.add(token);
    send(res, {
      status: 200,
      body: { access_token: token, token_type: "Bearer", expires_in: fake.tokenExpiresIn },
    });
  };
  const server: Server = options.tls
    ? createHttpsServer(
        {
          key: readFileSync(new URL("self-signed.key", fixtures)),
          cert: readFileSync(new URL("self-signed.crt", fixtures)),
        },
        onRequest,
      )
    : createHttpServer(onRequest);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    url: `${options.tls ? "https" : "http"}://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

function send(res: ServerResponse, answer: ScriptedAnswer): void {
  if (answer.delayMs) {
    setTimeout(() => send(res, { ...answer, delayMs: 0 }), answer.delayMs);
    return;
  }
  if (answer.reset) {
    res.socket?.destroy();
    return;
  }
  const body = answer.raw ?? (answer.body === undefined ? "" : JSON.stringify(answer.body));
  res.writeHead(answer.status, {
    ...(body.length > 0 && !answer.raw ? { "content-type": "application/json" } : {}),
    "correlation-id": randomUUID(),
    ...answer.headers,
  });
  res.end(body);
}

/** An answer for one method and path (query ignored), at most `times` times. */
export function answer(
  method: string,
  path: string,
  reply: ScriptedAnswer,
  times = Number.POSITIVE_INFINITY,
): ApiHandler {
  let left = times;
  return (request) => {
    if (left <= 0 || request.method !== method || request.path.split("?")[0] !== path) return undefined;
    left--;
    return reply;
  };
}

import { createServer, type Server } from "node:http";
import { getRequestListener, type HttpBindings } from "@hono/node-server";
import type { ServiceLifecycle } from "./lifecycle.js";
import { RequestScope } from "./request-scope.js";
import type { ServiceApp } from "./service-env.js";

export interface HttpServerOptions {
  lifecycle: ServiceLifecycle;
  /** Each request's deadline, from its headers to its response (`--request-timeout`). */
  requestTimeoutMs: number;
  /** Largest request head accepted; Node's default (16 KiB) unless the Kerberos route needs room for its tokens. */
  maxHeaderSize?: number;
}

/** Node's default for the headers, which a shorter request timeout shortens. */
const MAX_HEADERS_TIMEOUT_MS = 60_000;
/**
 * Node's own bound on receiving a request, a little after the scope's: a backstop for bodies no
 * route reads, such as the rest of one sent with a wrong API key after its 401.
 */
const BACKSTOP_MS = 1_000;

/**
 * The service's `node:http` server. Node parses the request and enforces the headers timeout
 * (a client that never finishes its headers is answered 408 and disconnected); each request then
 * gets a `RequestScope` whose timer covers its body and its call, so the whole request is bounded
 * (docs/connector-service.md#request-timeout), and Node's request timeout backs it up. `@hono/node-server`'s listener hands the app a
 * lightweight Request that stays unmaterialised as long as nobody touches its body or signal:
 * the body comes from Node's request through the scope instead.
 */
export function createHttpServer(app: ServiceApp, options: HttpServerOptions): Server {
  const { lifecycle, requestTimeoutMs } = options;
  const listener = getRequestListener((request, env) => {
    const { incoming, outgoing } = env as HttpBindings;
    const scope = new RequestScope(incoming, outgoing, lifecycle, requestTimeoutMs);
    return app.fetch(request, { incoming, outgoing, scope });
  });
  const headersTimeout = Math.min(requestTimeoutMs, MAX_HEADERS_TIMEOUT_MS);
  return createServer(
    {
      ...(options.maxHeaderSize ? { maxHeaderSize: options.maxHeaderSize } : {}),
      headersTimeout,
      // The scope's timer bounds the body with the service's JSON error; Node's 408 only comes later.
      requestTimeout: requestTimeoutMs + BACKSTOP_MS,
      // How often Node looks for expired headers; its 30 s default would let a 1 s timeout last 31 s.
      connectionsCheckingInterval: Math.max(10, Math.min(1_000, Math.floor(headersTimeout / 4))),
    },
    listener,
  );
}

import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { getRequestListener, type HttpBindings } from "@hono/node-server";
import type { CallHandler } from "./calls/call-handler.js";
import { matchCallRoute } from "./calls/call-route.js";
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
 * (docs/connector-service.md#request-timeout), and Node's request timeout backs it up. The call
 * routes go to `calls`, on Node's request and response; every other request goes to the Hono
 * app through `@hono/node-server`'s listener.
 */
export function createHttpServer(app: ServiceApp, calls: CallHandler, options: HttpServerOptions): Server {
  const { lifecycle, requestTimeoutMs } = options;
  const scopeOf = (incoming: IncomingMessage, outgoing: ServerResponse) =>
    new RequestScope(incoming, outgoing, lifecycle, requestTimeoutMs);
  const appListener = getRequestListener((request, env) => {
    const { incoming, outgoing } = env as HttpBindings;
    return app.fetch(request, { incoming, outgoing, scope: scopeOf(incoming, outgoing) });
  });
  const listener = (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const route = matchCallRoute(incoming.method, incoming.url);
    if (route === undefined) return appListener(incoming, outgoing);
    calls(route, incoming, outgoing, scopeOf(incoming, outgoing));
  };
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

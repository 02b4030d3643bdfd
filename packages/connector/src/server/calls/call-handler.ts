import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../../client/logger.js";
import type { Connector } from "../../connector.js";
import type { ServiceLifecycle } from "../lifecycle.js";
import type { ServiceMetrics } from "../metrics.js";
import { type ApiKeyCheck, UNAUTHORIZED } from "../middleware/api-key.js";
import { SHUTTING_DOWN } from "../middleware/drain-guard.js";
import { logRequest, requestLogStart } from "../middleware/request-log.js";
import type { JsonReply } from "../reply.js";
import type { RequestScope } from "../request-scope.js";
import { unexpectedErrorReply } from "../service-error.js";
import { actionCall } from "./action-call.js";
import { bodyRefusal, parseJsonBody } from "./call-body.js";
import type { CallRoute } from "./call-route.js";
import { queryParameter } from "./call-route.js";
import { capabilityCall } from "./capability-call.js";
import { writeReply } from "./write-reply.js";

export interface CallHandlerOptions {
  connector: Connector;
  metrics: ServiceMetrics;
  logger: Logger;
  lifecycle: ServiceLifecycle;
  /** The API key check; `undefined` only with --insecure-no-auth. */
  apiKey: ApiKeyCheck | undefined;
  maxBodyBytes: number;
}

export type CallHandler = (
  route: CallRoute,
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  scope: RequestScope,
) => void;

/**
 * Serves the call routes on Node's request and response, without a framework in between: they
 * carry nearly all of the service's traffic, and a WHATWG Request, a Hono context and a
 * middleware chain cost them about 17 µs of CPU per call, more than twice the capability
 * layer's own work (an A/B run of readUser at 64 clients: 111 µs per call here, 128 µs through
 * Hono; README, Performance). The steps are those the Hono app takes for its routes, in the same order and
 * with the same replies: the API key (401), the body within its limit and deadline (413, 408),
 * drain admission (503), the JSON (400), then the call; every response is logged, closes its
 * connection while the service drains, and anything unexpected is a logged 500
 * (docs/connector-service.md#http-service).
 */
export function createCallHandler(options: CallHandlerOptions): CallHandler {
  const { connector, metrics, logger, lifecycle, apiKey, maxBodyBytes } = options;

  async function answer(
    route: CallRoute,
    incoming: IncomingMessage,
    scope: RequestScope,
  ): Promise<JsonReply> {
    if (apiKey !== undefined && !apiKey(incoming.headers.authorization)) return unauthorized(incoming);
    const body = await scope.readBody(maxBodyBytes);
    if (!body.ok) return bodyRefusal(body.failure, maxBodyBytes);
    if (!scope.admitted) return SHUTTING_DOWN;
    const input = parseJsonBody(body.text);
    if (!input.ok) return input.reply;
    const call = {
      connector,
      metrics,
      name: route.name,
      input: input.value,
      signal: scope.signal,
      query: (name: string) => queryParameter(route, name),
    };
    return route.kind === "action" ? actionCall(call) : capabilityCall(call, route.kind);
  }

  async function serve(
    route: CallRoute,
    incoming: IncomingMessage,
    outgoing: ServerResponse,
    scope: RequestScope,
  ) {
    const started = requestLogStart(logger);
    let reply: JsonReply;
    let text: string;
    try {
      reply = await answer(route, incoming, scope);
      text = JSON.stringify(reply.body);
    } catch (error) {
      reply = unexpectedErrorReply(logger, error, route.path);
      text = JSON.stringify(reply.body);
    }
    writeReply(outgoing, reply, text, lifecycle.draining);
    logRequest(logger, { method: "POST", path: route.path, status: reply.status }, started);
  }

  return (route, incoming, outgoing, scope) => {
    // Nothing above throws but a broken socket's write: the response is lost with it.
    serve(route, incoming, outgoing, scope).catch(() => outgoing.destroy());
  };
}

/**
 * The 401 of a call, unread body and all: a body nobody reads would hold the connection until
 * Node had drained it, so the answer closes it instead (docs/connector-service.md#request-timeout).
 */
function unauthorized(incoming: IncomingMessage): JsonReply {
  const { headers } = incoming;
  const hasBody = Number(headers["content-length"] ?? 0) > 0 || headers["transfer-encoding"] !== undefined;
  if (!hasBody) return UNAUTHORIZED;
  return { ...UNAUTHORIZED, headers: { ...UNAUTHORIZED.headers, connection: "close" } };
}

import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Logger } from "../client/logger.js";
import { errorBody, errorOutcome, type FacadeError } from "../facade/error-outcome.js";
import type { JsonReply } from "./reply.js";

/** A service-level failure: `{ error: { code, message, ... } }` with an HTTP status. */
export function serviceError(code: string, message: string, extra: Record<string, unknown> = {}) {
  return { error: { code, message, ...extra } };
}

/** A facade error as a reply, with the status the one mapping gives it. */
export function errorReply(error: FacadeError, aborted = false): JsonReply {
  const { httpStatus } = errorOutcome(error, { aborted });
  return { status: httpStatus, body: { error: errorBody(error) } };
}

/** A reply written by a Hono route. */
export function sendReply(c: Context, reply: JsonReply): Response {
  return c.json(reply.body, reply.status as ContentfulStatusCode, reply.headers);
}

export const routeNotFound: NotFoundHandler = (c) =>
  c.json(serviceError("notFound", `No route ${c.req.method} ${c.req.path}`), 404);

/**
 * Anything no route expected: logged by name and message only (the message of an unexpected
 * error is ours, never a body or a header), answered without details.
 */
export function unexpectedErrorReply(logger: Logger, error: unknown, path: string): JsonReply {
  const { name, message } = error instanceof Error ? error : { name: "Error", message: String(error) };
  logger.error({ err: { name, message }, path }, "unhandled error");
  return {
    status: 500,
    body: serviceError("unexpectedError", "The service failed unexpectedly; see its log"),
  };
}

/** `unexpectedErrorReply` as Hono's error handler. */
export function unexpectedError(logger: Logger): ErrorHandler {
  return (error, c) => sendReply(c, unexpectedErrorReply(logger, error, c.req.path));
}

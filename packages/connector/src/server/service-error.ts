import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Logger } from "../client/logger.js";
import { errorBody, errorOutcome, type FacadeError } from "../facade/error-outcome.js";

/** A service-level failure: `{ error: { code, message, ... } }` with an HTTP status. */
export function serviceError(code: string, message: string, extra: Record<string, unknown> = {}) {
  return { error: { code, message, ...extra } };
}

/** A facade error as a response, with the status the one mapping gives it. */
export function errorResponse(c: Context, error: FacadeError, aborted = false): Response {
  const { httpStatus } = errorOutcome(error, { aborted });
  return c.json({ error: errorBody(error) }, httpStatus as ContentfulStatusCode);
}

export const routeNotFound: NotFoundHandler = (c) =>
  c.json(serviceError("notFound", `No route ${c.req.method} ${c.req.path}`), 404);

/** Anything no route expected: logged by name and message only, answered without details. */
export function unexpectedError(logger: Logger): ErrorHandler {
  return (error, c) => {
    logger.error({ err: { name: error.name, message: error.message }, path: c.req.path }, "unhandled error");
    return c.json(serviceError("unexpectedError", "The service failed unexpectedly; see its log"), 500);
  };
}

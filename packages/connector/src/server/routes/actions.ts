import type { Context } from "hono";
import { isSwimlaneEnvelopeStyle, presentSwimlaneEnvelope } from "../../envelopes/swimlane.js";
import { PingOneError } from "../../errors/pingone-error.js";
import { errorBody, isFacadeError } from "../../facade/error-outcome.js";
import { secondsSince } from "../metrics.js";
import { readJson } from "../read-json.js";
import type { CallRouteOptions, ServiceApp, ServiceEnv } from "../service-env.js";
import { errorResponse, serviceError } from "../service-error.js";

/** `POST /actions/:name`: the Swimlane envelope, with `?envelope=array` for the wrapped style. */
export function actionRoutes(app: ServiceApp, options: CallRouteOptions): void {
  app.post("/actions/:name", options.guard, (c) => runAction(c, options));
}

/**
 * Every PingOne answer, 4xx and 5xx included, comes back with status 200 in the envelope; only
 * what the action throws gets an error status (docs/connector-service.md#http-statuses).
 */
async function runAction(c: Context<ServiceEnv, "/actions/:name">, { connector, metrics }: CallRouteOptions) {
  const name = c.req.param("name");
  const style = c.req.query("envelope") ?? "object";
  if (!isSwimlaneEnvelopeStyle(style)) {
    return c.json(serviceError("invalidParameter", 'envelope must be "object" or "array"'), 400);
  }
  const input = await readJson(c);
  if (!input.ok) return c.json(input.error, 400);
  const signal = c.get("signal");
  const started = performance.now();
  try {
    const envelope = await connector.runAction(name, input.value, { signal });
    metrics.recordCall("action", name, secondsSince(started), undefined);
    return c.json(presentSwimlaneEnvelope(envelope, style));
  } catch (error) {
    if (!isFacadeError(error)) throw error;
    // Refused calls never reached PingOne; only failed ones count as errors.
    if (error instanceof PingOneError) {
      metrics.recordCall("action", name, secondsSince(started), errorBody(error).code);
    }
    return errorResponse(c, error, signal.aborted);
  }
}

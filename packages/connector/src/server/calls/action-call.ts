import { isSwimlaneEnvelopeStyle, presentSwimlaneEnvelope } from "../../envelopes/swimlane.js";
import { PingOneError } from "../../errors/pingone-error.js";
import { errorBody, isFacadeError } from "../../facade/error-outcome.js";
import { secondsSince } from "../metrics.js";
import type { JsonReply } from "../reply.js";
import { errorReply, serviceError } from "../service-error.js";
import type { CallContext } from "./call-context.js";

/**
 * `POST /actions/{name}`: the Swimlane envelope, with `?envelope=array` for the wrapped style.
 * Every PingOne answer, 4xx and 5xx included, comes back with status 200 in the envelope; only
 * what the action throws gets an error status (docs/connector-service.md#http-statuses).
 */
export async function actionCall(call: CallContext): Promise<JsonReply> {
  const { connector, metrics, name, input, signal } = call;
  const style = call.query("envelope") ?? "object";
  if (!isSwimlaneEnvelopeStyle(style)) {
    return { status: 400, body: serviceError("invalidParameter", 'envelope must be "object" or "array"') };
  }
  const started = performance.now();
  try {
    const envelope = await connector.runAction(name, input, { signal });
    metrics.recordCall("action", name, secondsSince(started), undefined);
    return { status: 200, body: presentSwimlaneEnvelope(envelope, style) };
  } catch (error) {
    if (!isFacadeError(error)) throw error;
    // Refused calls never reached PingOne; only failed ones count as errors.
    if (error instanceof PingOneError) {
      metrics.recordCall("action", name, secondsSince(started), errorBody(error).code);
    }
    return errorReply(error, signal.aborted);
  }
}

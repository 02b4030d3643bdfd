import { toDaVinciEnvelope } from "../../envelopes/davinci.js";
import { failureOutcome } from "../../facade/error-outcome.js";
import { NoContinuationError } from "../../facade/no-continuation-error.js";
import { UnknownCapabilityError } from "../../facade/unknown-capability-error.js";
import { secondsSince } from "../metrics.js";
import type { JsonReply } from "../reply.js";
import { errorReply } from "../service-error.js";
import type { CallContext } from "./call-context.js";

/**
 * `POST /capabilities/{id}` and, for a user-view capability, `POST /capabilities/{id}/continue`
 * with the person's submission: the DaVinci result of the call, or its dry run with
 * `?dryRun=true`. A failure carries PingOne's status (docs/connector-service.md#http-statuses).
 */
export async function capabilityCall(call: CallContext, step: "invoke" | "continue"): Promise<JsonReply> {
  const { connector, metrics, name: id, input, signal } = call;
  const run = step === "invoke" ? connector.invoke : connector.continue;
  try {
    if (call.query("dryRun") === "true") {
      return { status: 200, body: await run(id, input, { dryRun: true, signal }) };
    }
    const started = performance.now();
    const result = await run(id, input, { signal });
    // DaVinci's handler name tells the two steps of a user-view capability apart.
    const name = step === "invoke" ? id : `${id}_continue`;
    metrics.recordCall("capability", name, secondsSince(started), result.ok ? undefined : result.code);
    const status = result.ok ? 200 : failureOutcome(result, { aborted: signal.aborted }).httpStatus;
    return { status, body: toDaVinciEnvelope(result) };
  } catch (error) {
    if (error instanceof UnknownCapabilityError || error instanceof NoContinuationError) {
      return errorReply(error);
    }
    throw error;
  }
}

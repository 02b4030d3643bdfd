import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ACTIONS } from "../../actions/index.js";
import { CAPABILITIES } from "../../capabilities/index.js";
import { toDaVinciEnvelope } from "../../envelopes/davinci.js";
import { describeAction, describeCapability } from "../../facade/capability-description.js";
import { failureOutcome } from "../../facade/error-outcome.js";
import { NoContinuationError } from "../../facade/no-continuation-error.js";
import { UnknownCapabilityError } from "../../facade/unknown-capability-error.js";
import { secondsSince } from "../metrics.js";
import { readJson } from "../read-json.js";
import type { CallRouteOptions, ServiceApp, ServiceEnv } from "../service-env.js";
import { errorResponse } from "../service-error.js";

/**
 * `GET /capabilities` (the catalog of capabilities and actions), `POST /capabilities/:id` and,
 * for a user-view capability, `POST /capabilities/:id/continue` with the person's submission.
 */
export function capabilityRoutes(app: ServiceApp, options: CallRouteOptions): void {
  const catalog = {
    // Examples stay out of the catalog; each operation in /openapi.json carries its first.
    capabilities: CAPABILITIES.map((capability) => {
      const { examples: _examples, ...description } = describeCapability(capability);
      return description;
    }),
    actions: ACTIONS.map(describeAction),
  };
  app.get("/capabilities", (c) => c.json(catalog));
  app.post("/capabilities/:id", options.guard, (c) => invokeCapability(c, options, "invoke"));
  app.post("/capabilities/:id/continue", options.guard, (c) => invokeCapability(c, options, "continue"));
}

/**
 * The DaVinci result of one capability call, or its dry run with `?dryRun=true`. A failure
 * carries PingOne's status (docs/connector-service.md#http-statuses).
 */
async function invokeCapability(
  c: Context<ServiceEnv, "/capabilities/:id" | "/capabilities/:id/continue">,
  { connector, metrics }: CallRouteOptions,
  step: "invoke" | "continue",
) {
  const id = c.req.param("id");
  const input = await readJson(c);
  if (!input.ok) return c.json(input.error, 400);
  const signal = c.get("signal");
  const run = step === "invoke" ? connector.invoke : connector.continue;
  try {
    if (c.req.query("dryRun") === "true") {
      return c.json(await run(id, input.value, { dryRun: true, signal }));
    }
    const started = performance.now();
    const result = await run(id, input.value, { signal });
    // DaVinci's handler name tells the two steps of a user-view capability apart.
    const name = step === "invoke" ? id : `${id}_continue`;
    metrics.recordCall("capability", name, secondsSince(started), result.ok ? undefined : result.code);
    if (result.ok) return c.json(toDaVinciEnvelope(result));
    const { httpStatus } = failureOutcome(result, { aborted: signal.aborted });
    return c.json(toDaVinciEnvelope(result), httpStatus as ContentfulStatusCode);
  } catch (error) {
    if (error instanceof UnknownCapabilityError || error instanceof NoContinuationError) {
      return errorResponse(c, error);
    }
    throw error;
  }
}

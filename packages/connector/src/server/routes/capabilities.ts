import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ACTIONS } from "../../actions/index.js";
import { CAPABILITIES } from "../../capabilities/index.js";
import { toDaVinciEnvelope } from "../../envelopes/davinci.js";
import { describeAction, describeCapability } from "../../facade/capability-description.js";
import { failureOutcome } from "../../facade/error-outcome.js";
import { UnknownCapabilityError } from "../../facade/unknown-capability-error.js";
import { secondsSince } from "../metrics.js";
import { readJson } from "../read-json.js";
import type { CallRouteOptions, ServiceApp, ServiceEnv } from "../service-env.js";
import { errorResponse } from "../service-error.js";

/** `GET /capabilities` (the catalog of capabilities and actions) and `POST /capabilities/:id`. */
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
  app.post("/capabilities/:id", options.guard, (c) => invokeCapability(c, options));
}

/**
 * The DaVinci result of one capability call, or its dry run with `?dryRun=true`. A failure
 * carries PingOne's status (docs/connector-service.md#http-statuses).
 */
async function invokeCapability(
  c: Context<ServiceEnv, "/capabilities/:id">,
  { connector, metrics }: CallRouteOptions,
) {
  const id = c.req.param("id");
  const input = await readJson(c);
  if (!input.ok) return c.json(input.error, 400);
  const signal = c.get("signal");
  try {
    if (c.req.query("dryRun") === "true") {
      return c.json(await connector.invoke(id, input.value, { dryRun: true, signal }));
    }
    const started = performance.now();
    const result = await connector.invoke(id, input.value, { signal });
    metrics.recordCall("capability", id, secondsSince(started), result.ok ? undefined : result.code);
    if (result.ok) return c.json(toDaVinciEnvelope(result));
    const { httpStatus } = failureOutcome(result.httpResponseCode, { aborted: signal.aborted });
    return c.json(toDaVinciEnvelope(result), httpStatus as ContentfulStatusCode);
  } catch (error) {
    if (error instanceof UnknownCapabilityError) return errorResponse(c, error);
    throw error;
  }
}

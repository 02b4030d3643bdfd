import { ACTIONS } from "../../actions/index.js";
import { CAPABILITIES } from "../../capabilities/index.js";
import { describeAction, describeCapability } from "../../facade/capability-description.js";
import type { ServiceApp } from "../service-env.js";

/**
 * `GET /capabilities`: the catalog of capabilities and actions, built once from the registries.
 * The calls themselves (`POST /capabilities/{id}`, `POST /actions/{name}`) are served beside the
 * Hono app, on Node's request (`../calls/call-handler.ts`).
 */
export function catalogRoute(app: ServiceApp): void {
  const catalog = {
    // Examples stay out of the catalog; each operation in /openapi.json carries its first.
    capabilities: CAPABILITIES.map((capability) => {
      const { examples: _examples, ...description } = describeCapability(capability);
      return description;
    }),
    actions: ACTIONS.map(describeAction),
  };
  app.get("/capabilities", (c) => c.json(catalog));
}

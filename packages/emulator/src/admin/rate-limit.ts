import { invalidData } from "../domain/errors.js";
import { assertValid } from "../domain/validation.js";
import { readJsonObject } from "../http/json-body.js";
import type { BackDoorModule } from "./back-door-module.js";

/** `POST /_emulator/rate-limit`: requests per second for one environment, or `null` to remove the limit. */
export const rateLimitRoutes: BackDoorModule = (app, _ctx, state) => {
  app.post("/_emulator/rate-limit", async (c) => {
    const { requestsPerSecond, ...rest } = await readJsonObject(c);
    assertValid(rest, { environmentId: { kind: "string", minLength: 1 } }, { required: ["environmentId"] });
    const environmentId = rest.environmentId as string;
    if (requestsPerSecond === null) {
      state.rateLimiter.removeLimit(environmentId);
      return c.json({ environmentId, requestsPerSecond: null });
    }
    if (
      typeof requestsPerSecond !== "number" ||
      !(requestsPerSecond > 0) ||
      !Number.isFinite(requestsPerSecond)
    ) {
      throw invalidData([
        {
          code: "INVALID_VALUE",
          target: "requestsPerSecond",
          message: "must be a positive number, or null to remove the limit",
        },
      ]);
    }
    state.rateLimiter.setLimit(environmentId, requestsPerSecond);
    return c.json({ environmentId, requestsPerSecond });
  });
};

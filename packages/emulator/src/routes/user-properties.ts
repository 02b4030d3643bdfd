import { loadUser } from "../domain/create-user.js";
import { Roles } from "../domain/roles.js";
import { moveUserToPopulation, setUserEnabled, setUserMfaEnabled } from "../domain/update-user.js";
import { assertValid } from "../domain/validation.js";
import { readJsonObject } from "../http/json-body.js";
import { requireRole } from "../middleware/bearer-auth.js";
import {
  toUserEnabledResource,
  toUserMfaEnabledResource,
  toUserPopulationResource,
} from "../representations/user-properties.js";
import type { RouteModule } from "./route-module.js";

/** `P/users/{id}/population`, `P/users/{id}/enabled` and `P/users/{id}/mfaEnabled` (docs/emulator.md#users). */
export const userPropertyRoutes: RouteModule = (app, ctx) => {
  const { db } = ctx;
  const guard = requireRole(Roles.identityDataAdmin);
  const base = "/v1/environments/:envId/users/:userId";

  app.get(`${base}/population`, guard, (c) => {
    return c.json(toUserPopulationResource(c, loadUser(db, c.req.param("envId"), c.req.param("userId"))));
  });

  app.put(`${base}/population`, guard, async (c) => {
    const body = await readJsonObject(c);
    assertValid(
      body,
      { id: { kind: "string", minLength: 1 }, _links: { kind: "readOnly" } },
      { required: ["id"] },
    );
    const user = db.transaction(() =>
      moveUserToPopulation(ctx, c.req.param("envId"), c.req.param("userId"), body.id as string),
    )();
    return c.json(toUserPopulationResource(c, user));
  });

  app.get(`${base}/enabled`, guard, (c) => {
    return c.json(toUserEnabledResource(c, loadUser(db, c.req.param("envId"), c.req.param("userId"))));
  });

  app.put(`${base}/enabled`, guard, async (c) => {
    const body = await readJsonObject(c);
    assertValid(
      body,
      { enabled: { kind: "boolean" }, _links: { kind: "readOnly" } },
      { required: ["enabled"] },
    );
    const user = db.transaction(() =>
      setUserEnabled(ctx, c.req.param("envId"), c.req.param("userId"), body.enabled === true),
    )();
    return c.json(toUserEnabledResource(c, user));
  });

  app.get(`${base}/mfaEnabled`, guard, (c) => {
    return c.json(toUserMfaEnabledResource(c, loadUser(db, c.req.param("envId"), c.req.param("userId"))));
  });

  app.put(`${base}/mfaEnabled`, guard, async (c) => {
    const body = await readJsonObject(c);
    assertValid(
      body,
      { mfaEnabled: { kind: "boolean" }, _links: { kind: "readOnly" } },
      { required: ["mfaEnabled"] },
    );
    const user = db.transaction(() =>
      setUserMfaEnabled(ctx, c.req.param("envId"), c.req.param("userId"), body.mfaEnabled === true),
    )();
    return c.json(toUserMfaEnabledResource(c, user));
  });
};

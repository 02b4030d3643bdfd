import type { Context } from "hono";
import { checkPassword } from "../domain/gateway-password-check.js";
import { type PasswordAction, readPasswordState, runPasswordAction } from "../domain/password-actions.js";
import { Roles } from "../domain/roles.js";
import { parseOptionList } from "../http/filter-query.js";
import type { EmulatorEnv } from "../http/hono-env.js";
import { readOptionalJsonObject } from "../http/json-body.js";
import { selectAction } from "../http/media-type.js";
import { requireRole } from "../middleware/bearer-auth.js";
import { toPasswordStateResource } from "../representations/password-state.js";
import type { RouteModule } from "./route-module.js";

/**
 * `POST P/users/{id}/password` actions, in their documented spellings (docs/emulator.md#action-media-types).
 */
const POST_ACTIONS: Readonly<Record<string, PasswordAction>> = {
  "application/vnd.pingidentity.password.check+json": "check",
  "application/vnd.pingidentity.password.sendRecoveryCode+json": "sendRecoveryCode",
  "application/vnd.pingidentity.password.recover+json": "recover",
  "application/vnd.pingidentity.password.forceChange": "forceChange",
  "application/vnd.pingidentity.password.unlock": "unlock",
};

/** `PUT P/users/{id}/password` actions. */
const PUT_ACTIONS: Readonly<Record<string, PasswordAction>> = {
  "application/vnd.pingidentity.password.reset+json": "reset",
  "application/vnd.pingidentity.password.set+json": "set",
  "application/vnd.pingidentity.password.setValue+json": "setValue",
  "application/vnd.pingidentity.password.setGateway+json": "setGateway",
};

const path = "/v1/environments/:envId/users/:userId/password";

/** Password state and password actions (docs/emulator.md#password-actions). Identity Data Admin only. */
export const passwordRoutes: RouteModule = (app, ctx) => {
  const guard = requireRole(Roles.identityDataAdmin);

  app.get(path, guard, (c) => {
    const expand = parseOptionList(c, "expand", ["passwordPolicy"] as const);
    const state = readPasswordState(ctx, c.req.param("envId"), c.req.param("userId"));
    return c.json(toPasswordStateResource(c, state, expand.has("passwordPolicy")));
  });

  const handle =
    (actions: Readonly<Record<string, PasswordAction>>) => async (c: Context<EmulatorEnv, typeof path>) => {
      const lenient = ctx.settings.actionMediaTypes === "lenient";
      const action = selectAction(c.req.header("content-type"), actions, lenient);
      const body = (await readOptionalJsonObject(c)) ?? {};
      const [envId, userId] = [c.req.param("envId"), c.req.param("userId")];
      // A check may ask a gateway's directory (docs/emulator-gateways.md#password-checks).
      const state =
        action === "check"
          ? await checkPassword(ctx, envId, userId, body)
          : runPasswordAction(ctx, envId, userId, action, body);
      return c.json(toPasswordStateResource(c, state, false));
    };

  app.post(path, guard, handle(POST_ACTIONS));
  app.put(path, guard, handle(PUT_ACTIONS));
};

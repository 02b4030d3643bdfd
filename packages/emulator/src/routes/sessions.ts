import { Roles } from "../domain/roles.js";
import { removeSession, requireSession, userSessions } from "../domain/sessions.js";
import { halCollection } from "../http/hal.js";
import { requireRole } from "../middleware/bearer-auth.js";
import { toSessionResource } from "../representations/session.js";
import type { RouteModule } from "./route-module.js";

/**
 * `P/users/{userId}/sessions[/{sessionId}]` (docs/emulator.md#sessions): at most 10 per user, newest first,
 * so the list is never paged. Sessions come from the seed and from successful password checks.
 */
export const sessionRoutes: RouteModule = (app, ctx) => {
  const collection = "/v1/environments/:envId/users/:userId/sessions";
  const item = `${collection}/:sessionId`;
  const guard = requireRole(Roles.identityDataAdmin);

  app.get(collection, guard, (c) => {
    const sessions = userSessions(ctx, c.req.param("envId"), c.req.param("userId"));
    const items = sessions.map((session) => toSessionResource(c, session));
    return c.json(halCollection(c, "sessions", items, { count: items.length }));
  });

  app.get(item, guard, (c) => {
    const session = requireSession(
      ctx,
      c.req.param("envId"),
      c.req.param("userId"),
      c.req.param("sessionId"),
    );
    return c.json(toSessionResource(c, session));
  });

  app.delete(item, guard, (c) => {
    removeSession(ctx, c.req.param("envId"), c.req.param("userId"), c.req.param("sessionId"));
    return c.body(null, 204);
  });
};

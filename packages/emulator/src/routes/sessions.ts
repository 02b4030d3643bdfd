import { Roles } from "../domain/roles.js";
import { halCollection } from "../http/hal.js";
import { notFound } from "../http/pingone-error.js";
import { requireRole } from "../middleware/bearer-auth.js";
import { deleteSession, findSession, listSessions } from "../store/sessions.js";
import { requireUser } from "./directory-lookups.js";
import { sessionBody } from "./directory-representations.js";
import type { RouteModule } from "./route-module.js";

/**
 * `P/users/{userId}/sessions[/{sessionId}]` (pingone-api.md §10.4): at most 10 per user, newest first, so
 * the list is never paged. Sessions come from the seed and from successful password checks.
 */
export const sessionRoutes: RouteModule = (app, ctx) => {
  const collection = "/v1/environments/:envId/users/:userId/sessions";
  const item = `${collection}/:sessionId`;
  const guard = requireRole(Roles.identityDataAdmin);

  app.get(collection, guard, (c) => {
    const user = requireUser(ctx, c.req.param("envId"), c.req.param("userId"));
    const sessions = listSessions(ctx.db, user.id).map((session) => sessionBody(c, session));
    return c.json(halCollection(c, "sessions", sessions, { count: sessions.length }));
  });

  app.get(item, guard, (c) => {
    const user = requireUser(ctx, c.req.param("envId"), c.req.param("userId"));
    const session = findSession(ctx.db, user.id, c.req.param("sessionId"));
    if (session === undefined) throw notFound();
    return c.json(sessionBody(c, session));
  });

  app.delete(item, guard, (c) => {
    ctx.db.transaction(() => {
      const user = requireUser(ctx, c.req.param("envId"), c.req.param("userId"));
      const session = findSession(ctx.db, user.id, c.req.param("sessionId"));
      if (session === undefined) throw notFound();
      deleteSession(ctx.db, session.id);
    })();
    return c.body(null, 204);
  });
};

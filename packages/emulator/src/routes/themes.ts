import { Roles } from "../domain/roles.js";
import {
  assertThemeDefaultBody,
  createTheme,
  removeTheme,
  replaceTheme,
  requireTheme,
  setThemeDefault,
} from "../domain/themes.js";
import { halCollection } from "../http/hal.js";
import { readJsonObject } from "../http/json-body.js";
import { requireRole } from "../middleware/bearer-auth.js";
import { themeBody, themeDefaultBody } from "../representations/theme.js";
import { listThemes } from "../store/themes.js";
import type { RouteModule } from "./route-module.js";

/** `P/themes[/{themeId}[/default]]`, under Environment Admin; the list is not paged. */
export const themeRoutes: RouteModule = (app, ctx) => {
  const collection = "/v1/environments/:envId/themes";
  const item = `${collection}/:themeId`;
  const guard = requireRole(Roles.environmentAdmin);

  app.get(collection, guard, (c) => {
    const themes = listThemes(ctx.db, c.req.param("envId")).map((theme) => themeBody(c, theme));
    return c.json(halCollection(c, "themes", themes, { count: themes.length }));
  });

  app.post(collection, guard, async (c) => {
    const body = await readJsonObject(c);
    const theme = ctx.db.transaction(() => createTheme(ctx, c.req.param("envId"), body))();
    return c.json(themeBody(c, theme), 201);
  });

  app.get(item, guard, (c) =>
    c.json(themeBody(c, requireTheme(ctx, c.req.param("envId"), c.req.param("themeId")))),
  );

  app.put(item, guard, async (c) => {
    const body = await readJsonObject(c);
    const theme = ctx.db.transaction(() =>
      replaceTheme(ctx, c.req.param("envId"), c.req.param("themeId"), body),
    )();
    return c.json(themeBody(c, theme));
  });

  app.delete(item, guard, (c) => {
    ctx.db.transaction(() => removeTheme(ctx, c.req.param("envId"), c.req.param("themeId")))();
    return c.body(null, 204);
  });

  app.get(`${item}/default`, guard, (c) =>
    c.json(themeDefaultBody(c, requireTheme(ctx, c.req.param("envId"), c.req.param("themeId")))),
  );

  app.put(`${item}/default`, guard, async (c) => {
    const body = await readJsonObject(c);
    assertThemeDefaultBody(body);
    const theme = ctx.db.transaction(() =>
      setThemeDefault(ctx, c.req.param("envId"), c.req.param("themeId"), body),
    )();
    return c.json(themeDefaultBody(c, theme));
  });
};

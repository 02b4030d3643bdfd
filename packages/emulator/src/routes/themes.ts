import type { EmulatorContext } from "../context.js";
import { Roles } from "../domain/roles.js";
import { TEMPLATE_COLORS, THEME_TEMPLATES, type ThemeTemplate } from "../domain/theme-templates.js";
import { halCollection } from "../http/hal.js";
import { type JsonObject, readJsonObject } from "../http/json-body.js";
import { invalidData, notFound, type PingOneErrorDetail, requestFailed } from "../http/pingone-error.js";
import { assertValid, type ObjectSpec } from "../http/validation.js";
import { requireRole } from "../middleware/bearer-auth.js";
import { themeBody, themeDefaultBody } from "../representations/theme.js";
import {
  countThemes,
  deleteTheme,
  findTheme,
  insertTheme,
  listThemes,
  makeDefaultTheme,
  type ThemeRecord,
  updateTheme,
} from "../store/themes.js";
import { AgreementMessages } from "./agreement-messages.js";
import type { RouteModule } from "./route-module.js";

const COLOR = /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
const color = { kind: "string", pattern: COLOR } as const;
const image = {
  kind: "object",
  fields: { href: { kind: "string", minLength: 1, maxLength: 2048 }, id: { kind: "string", minLength: 1 } },
  required: ["href", "id"],
} as const;

const CONFIGURATION_SPEC: ObjectSpec = {
  logoType: { kind: "string", allowed: ["IMAGE", "NONE"] },
  logo: image,
  backgroundType: { kind: "string", allowed: ["NONE", "COLOR", "IMAGE", "DEFAULT"] },
  backgroundColor: color,
  backgroundImage: image,
  bodyTextColor: color,
  buttonColor: color,
  buttonTextColor: color,
  cardColor: color,
  headingTextColor: color,
  linkTextColor: color,
  name: { kind: "string", minLength: 1, maxLength: 255 },
  footer: { kind: "string", maxLength: 2048 },
};

const THEME_SPEC: ObjectSpec = {
  template: { kind: "string", allowed: THEME_TEMPLATES },
  default: { kind: "boolean" },
  configuration: { kind: "object", fields: CONFIGURATION_SPEC, required: ["logoType", "backgroundType"] },
  id: { kind: "readOnly" },
  environment: { kind: "readOnly" },
  _links: { kind: "readOnly" },
};

const DEFAULT_SPEC: ObjectSpec = { default: { kind: "boolean" }, _links: { kind: "readOnly" } };

/** The theme's stored configuration: what was sent, with the template's colours where none was given. */
function themeFields(body: JsonObject): { template: ThemeTemplate; configuration: Record<string, unknown> } {
  assertValid(body, THEME_SPEC, { required: ["template", "default", "configuration"] });
  const template = body.template as ThemeTemplate;
  const sent = Object.fromEntries(
    Object.entries(body.configuration as Record<string, unknown>).filter(([, value]) => value !== null),
  );
  const details: PingOneErrorDetail[] = [];
  const requireWhen = (field: string, when: string, condition: boolean) => {
    if (condition && sent[field] === undefined) {
      details.push({
        code: "REQUIRED_VALUE",
        target: `configuration.${field}`,
        message: AgreementMessages.requiredWhen(when),
      });
    }
  };
  requireWhen("logo", "logoType is IMAGE", sent.logoType === "IMAGE");
  requireWhen("backgroundColor", "backgroundType is COLOR", sent.backgroundType === "COLOR");
  requireWhen("backgroundImage", "backgroundType is IMAGE", sent.backgroundType === "IMAGE");
  if (details.length > 0) throw invalidData(details);
  return { template, configuration: { ...TEMPLATE_COLORS[template], ...sent } };
}

/** Moves the default as asked; the default theme can only be replaced, never unset. */
function applyDefaultFlag(ctx: EmulatorContext, theme: ThemeRecord, wantDefault: boolean): void {
  if (wantDefault && !theme.isDefault)
    makeDefaultTheme(ctx.db, theme.environmentId, theme.id, ctx.clock.now());
  if (!wantDefault && theme.isDefault) {
    throw requestFailed(AgreementMessages.defaultThemeRequired, [
      { code: "CONSTRAINT_VIOLATION", target: "default", message: AgreementMessages.defaultThemeRequired },
    ]);
  }
}

function requireTheme(ctx: EmulatorContext, environmentId: string, themeId: string): ThemeRecord {
  const theme = findTheme(ctx.db, environmentId, themeId);
  if (theme === undefined) throw notFound();
  return theme;
}

/**
 * Validates a create body and stores the theme, as `POST P/themes` does. The environment's first theme
 * becomes its default, so an environment with themes always has exactly one. Call inside a transaction.
 */
export function createTheme(
  ctx: EmulatorContext,
  environmentId: string,
  body: JsonObject,
  id: string = crypto.randomUUID(),
): ThemeRecord {
  const fields = themeFields(body);
  const first = countThemes(ctx.db, environmentId) === 0;
  insertTheme(ctx.db, environmentId, fields, ctx.clock.now(), id);
  if (first || body.default === true) makeDefaultTheme(ctx.db, environmentId, id, ctx.clock.now());
  return requireTheme(ctx, environmentId, id);
}

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
    const theme = ctx.db.transaction(() => {
      const existing = requireTheme(ctx, c.req.param("envId"), c.req.param("themeId"));
      const fields = themeFields(body);
      applyDefaultFlag(ctx, existing, body.default as boolean);
      updateTheme(ctx.db, existing.id, fields, ctx.clock.now());
      return requireTheme(ctx, existing.environmentId, existing.id);
    })();
    return c.json(themeBody(c, theme));
  });

  app.delete(item, guard, (c) => {
    ctx.db.transaction(() => {
      const theme = requireTheme(ctx, c.req.param("envId"), c.req.param("themeId"));
      if (theme.isDefault && countThemes(ctx.db, theme.environmentId) > 1) {
        throw requestFailed(AgreementMessages.defaultThemeDelete, [
          { code: "CONSTRAINT_VIOLATION", target: "default", message: AgreementMessages.defaultThemeDelete },
        ]);
      }
      deleteTheme(ctx.db, theme.id);
    })();
    return c.body(null, 204);
  });

  app.get(`${item}/default`, guard, (c) =>
    c.json(themeDefaultBody(c, requireTheme(ctx, c.req.param("envId"), c.req.param("themeId")))),
  );

  app.put(`${item}/default`, guard, async (c) => {
    const body = await readJsonObject(c);
    assertValid(body, DEFAULT_SPEC, { required: ["default"] });
    const theme = ctx.db.transaction(() => {
      const existing = requireTheme(ctx, c.req.param("envId"), c.req.param("themeId"));
      applyDefaultFlag(ctx, existing, body.default as boolean);
      return requireTheme(ctx, existing.environmentId, existing.id);
    })();
    return c.json(themeDefaultBody(c, theme));
  });
};

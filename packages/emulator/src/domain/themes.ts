import type { EmulatorContext } from "../context.js";
import {
  countThemes,
  deleteTheme,
  findTheme,
  insertTheme,
  makeDefaultTheme,
  type ThemeRecord,
  updateTheme,
} from "../store/themes.js";
import { AgreementMessages } from "./agreement-messages.js";
import { invalidData, orNotFound, type PingOneErrorDetail, requestFailed } from "./errors.js";
import { TEMPLATE_COLORS, THEME_TEMPLATES, type ThemeTemplate } from "./theme-templates.js";
import { assertValid, type JsonObject, type ObjectSpec } from "./validation.js";

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

/** The theme named in the path, or 404 NOT_FOUND. */
export function requireTheme(ctx: EmulatorContext, environmentId: string, themeId: string): ThemeRecord {
  return orNotFound(findTheme(ctx.db, environmentId, themeId));
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

/** Replaces a theme, as `PUT P/themes/{id}` does (`default: true` moves the default here). Call inside a transaction. */
export function replaceTheme(
  ctx: EmulatorContext,
  environmentId: string,
  themeId: string,
  body: JsonObject,
): ThemeRecord {
  const existing = requireTheme(ctx, environmentId, themeId);
  const fields = themeFields(body);
  applyDefaultFlag(ctx, existing, body.default as boolean);
  updateTheme(ctx.db, existing.id, fields, ctx.clock.now());
  return requireTheme(ctx, existing.environmentId, existing.id);
}

/** Deletes a theme; the default one only when it is the last. Call inside a transaction. */
export function removeTheme(ctx: EmulatorContext, environmentId: string, themeId: string): void {
  const theme = requireTheme(ctx, environmentId, themeId);
  if (theme.isDefault && countThemes(ctx.db, theme.environmentId) > 1) {
    throw requestFailed(AgreementMessages.defaultThemeDelete, [
      { code: "CONSTRAINT_VIOLATION", target: "default", message: AgreementMessages.defaultThemeDelete },
    ]);
  }
  deleteTheme(ctx.db, theme.id);
}

/** Checks a `PUT P/themes/{id}/default` body; done before the transaction, as the body is read. */
export function assertThemeDefaultBody(body: JsonObject): void {
  assertValid(body, DEFAULT_SPEC, { required: ["default"] });
}

/** Makes a theme the default (or refuses to unset the default). Call inside a transaction. */
export function setThemeDefault(
  ctx: EmulatorContext,
  environmentId: string,
  themeId: string,
  body: JsonObject,
): ThemeRecord {
  const existing = requireTheme(ctx, environmentId, themeId);
  applyDefaultFlag(ctx, existing, body.default as boolean);
  return requireTheme(ctx, existing.environmentId, existing.id);
}

import type { Context } from "hono";
import { links } from "../http/hal.js";
import type { ThemeRecord } from "../store/themes.js";

const themePath = (environmentId: string, themeId: string) =>
  `/environments/${environmentId}/themes/${themeId}`;

/** A branding theme: template, whether it is the environment's default, and its configuration. */
export function themeBody(c: Context, theme: ThemeRecord) {
  return {
    _links: links(c, {
      self: themePath(theme.environmentId, theme.id),
      environment: `/environments/${theme.environmentId}`,
      default: `${themePath(theme.environmentId, theme.id)}/default`,
    }),
    id: theme.id,
    environment: { id: theme.environmentId },
    template: theme.template,
    default: theme.isDefault,
    configuration: theme.configuration,
  };
}

/** `GET/PUT …/themes/{id}/default`: only whether the theme is the default. */
export function themeDefaultBody(c: Context, theme: ThemeRecord) {
  return {
    _links: links(c, {
      self: `${themePath(theme.environmentId, theme.id)}/default`,
      theme: themePath(theme.environmentId, theme.id),
    }),
    default: theme.isDefault,
  };
}

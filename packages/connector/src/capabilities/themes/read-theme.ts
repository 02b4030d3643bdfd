import { type Static, Type } from "@sinclair/typebox";
import { defineCapability, type InputOf } from "../kit/definition.js";
import { succeed } from "../kit/result.js";
import { outputSchema } from "../kit/schema-helpers.js";
import { ThemeSchema } from "../kit/schemas/theme.js";
import { withoutLinks } from "../kit/schemas/without-links.js";
import { readDefaultTheme, readThemeById, themeNotFound } from "./theme-reads.js";

export const THEME_ID_INFO =
  "The ID of the PingOne theme to use when rendering the form, such as aa4b3e81-cf7e-8685-4b7b-7ec89cfcf7c8.";

/** A37 Read Theme: `GET P/themes/{themeId}`; an empty id reads the environment's default theme. */
export const readTheme = defineCapability({
  id: "readTheme",
  title: "Read Theme",
  description: "Read a theme.",
  input: { themeId: Type.String({ minLength: 0, maxLength: 100, description: "Theme ID" }) },
  properties: { themeId: { displayName: "Theme ID", control: "textField", info: THEME_ID_INFO } },
  errors: { notFound: "No theme has this id, or the environment has no default theme." },
  output: outputSchema({ theme: ThemeSchema }),
  examples: [{ themeId: "aa4b3e81-cf7e-8685-4b7b-7ec89cfcf7c8" }, { themeId: "" }],
  async handler(input, ctx) {
    const themeId = input.themeId.trim();
    if (themeId === "") {
      const { theme, response } = await readDefaultTheme(ctx);
      if (!theme) throw themeNotFound("The environment has no default theme");
      return succeed({ theme: withoutLinks(theme) }, response, { rawResponse: theme });
    }
    const { theme, response } = await readThemeById(ctx, themeId);
    return succeed({ theme: withoutLinks(theme) }, response);
  },
});

export type ReadThemeInput = InputOf<typeof readTheme>;
export type ReadThemeOutput = Static<typeof readTheme.output>;

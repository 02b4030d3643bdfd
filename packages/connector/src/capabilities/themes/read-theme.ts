import { type Static, Type } from "@sinclair/typebox";
import { PingOneApiError } from "../../client/errors/api-error.js";
import { isSafePathSegment, pathSegment } from "../../input/path-segment.js";
import { CapabilityError } from "../kit/capability-error.js";
import { defineCapability, type InputOf } from "../kit/definition.js";
import { succeed } from "../kit/result.js";
import { outputSchema } from "../kit/schema-helpers.js";
import { ThemeSchema } from "../kit/schemas/theme.js";
import { withoutLinks } from "../kit/schemas/without-links.js";

const THEME_ID_INFO =
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
    const themes = `/environments/${pathSegment(ctx.environmentId)}/themes`;
    const themeId = input.themeId.trim();
    if (themeId === "") {
      const response = await ctx.client.request<{ _embedded?: { themes?: Record<string, unknown>[] } }>({
        method: "GET",
        path: themes,
        final: true,
      });
      const theme = response.body?._embedded?.themes?.find((candidate) => candidate.default === true);
      if (!theme) throw notFound("The environment has no default theme");
      return succeed({ theme: withoutLinks(theme) }, response, { rawResponse: theme });
    }
    if (!isSafePathSegment(themeId)) throw notFound("No theme has this id");
    try {
      const response = await ctx.client.request<Record<string, unknown>>({
        method: "GET",
        path: `${themes}/${pathSegment(themeId)}`,
        final: true,
      });
      return succeed({ theme: withoutLinks(response.body) }, response);
    } catch (error) {
      // 400 is PingOne's answer for an id that is not a UUID: no theme can have it.
      if (error instanceof PingOneApiError && (error.status === 404 || error.status === 400)) {
        throw notFound("No theme has this id", error);
      }
      throw error;
    }
  },
});

function notFound(message: string, apiError?: PingOneApiError): CapabilityError {
  return new CapabilityError("notFound", message, {
    httpResponseCode: 404,
    ...(apiError ? { apiError } : {}),
  });
}

export type ReadThemeInput = InputOf<typeof readTheme>;
export type ReadThemeOutput = Static<typeof readTheme.output>;

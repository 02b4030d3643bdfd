import { PingOneApiError } from "../../client/errors/api-error.js";
import type { ApiResponse } from "../../client/types.js";
import { isSafePathSegment, pathSegment } from "../../input/path-segment.js";
import { CapabilityError } from "../kit/capability-error.js";
import type { CapabilityContext } from "../kit/context.js";

/** A theme read, with the response it came in (the list, for the default theme). */
export interface ThemeRead {
  /** The theme resource as PingOne returned it (with `_links`). */
  theme: Record<string, unknown>;
  response: ApiResponse;
}

function themesPath(ctx: CapabilityContext): string {
  return `/environments/${pathSegment(ctx.environmentId)}/themes`;
}

/**
 * The environment's active theme (`default: true` in `GET P/themes`), or undefined when the
 * environment has none and PingOne shows its own branding.
 */
export async function readDefaultTheme(
  ctx: CapabilityContext,
): Promise<{ theme: Record<string, unknown> | undefined; response: ApiResponse }> {
  const response = await ctx.client.request<{ _embedded?: { themes?: Record<string, unknown>[] } }>({
    method: "GET",
    path: themesPath(ctx),
    final: true,
  });
  const theme = response.body?._embedded?.themes?.find((candidate) => candidate.default === true);
  return { theme, response };
}

/** `GET P/themes/{themeId}`; an id no theme can have, 404 and PingOne's 400 for a non-UUID are `notFound`. */
export async function readThemeById(ctx: CapabilityContext, themeId: string): Promise<ThemeRead> {
  if (!isSafePathSegment(themeId)) throw themeNotFound("No theme has this id");
  try {
    const response = await ctx.client.request<Record<string, unknown>>({
      method: "GET",
      path: `${themesPath(ctx)}/${pathSegment(themeId)}`,
      final: true,
    });
    return { theme: response.body ?? {}, response };
  } catch (error) {
    // 400 is PingOne's answer for an id that is not a UUID: no theme can have it.
    if (error instanceof PingOneApiError && (error.status === 404 || error.status === 400)) {
      throw themeNotFound("No theme has this id", error);
    }
    throw error;
  }
}

export function themeNotFound(message: string, apiError?: PingOneApiError): CapabilityError {
  return new CapabilityError("notFound", message, {
    httpResponseCode: 404,
    ...(apiError ? { apiError } : {}),
  });
}

import { PingOneApiError } from "../../client/errors/api-error.js";
import type { ApiResponse } from "../../client/types.js";
import { isSafePathSegment, pathSegment } from "../../input/path-segment.js";
import { CapabilityError } from "../kit/capability-error.js";
import type { CapabilityContext } from "../kit/context.js";
import { readDefaultTheme, readThemeById } from "../themes/theme-reads.js";

/** `GET P/forms/{formId}`; 404, PingOne's 400 for a non-UUID, and an id no form can have are `notFound`. */
export async function readForm(
  ctx: CapabilityContext,
  formId: string,
): Promise<ApiResponse<Record<string, unknown>>> {
  if (!isSafePathSegment(formId)) throw formNotFound();
  try {
    return await ctx.client.request<Record<string, unknown>>({
      method: "GET",
      path: `/environments/${pathSegment(ctx.environmentId)}/forms/${pathSegment(formId)}`,
      // The theme is read alongside: after both, the handler only reshapes.
      final: true,
    });
  } catch (error) {
    if (error instanceof PingOneApiError && (error.status === 404 || error.status === 400)) {
      throw formNotFound(error);
    }
    throw error;
  }
}

/**
 * The theme the form is shown with: the one named by `themeId`, or the environment's active one
 * (undefined when it has none: PingOne then shows its own branding).
 */
export async function readSignOnTheme(
  ctx: CapabilityContext,
  themeId: string | undefined,
): Promise<Record<string, unknown> | undefined> {
  if (themeId !== undefined) return (await readThemeById(ctx, themeId)).theme;
  return (await readDefaultTheme(ctx)).theme;
}

function formNotFound(apiError?: PingOneApiError): CapabilityError {
  return new CapabilityError("notFound", "No form has this id", {
    httpResponseCode: 404,
    ...(apiError ? { apiError } : {}),
  });
}

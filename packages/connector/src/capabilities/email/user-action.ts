import type { ApiResponse } from "../../client/types.js";
import type { CapabilityContext } from "../kit/context.js";
import { userPath } from "../kit/user-target.js";

/** `POST P/users/{id}` with one of PingOne's user action media types. */
export function postUserAction(
  ctx: CapabilityContext,
  userId: string,
  contentType: string,
  body?: unknown,
): Promise<ApiResponse<Record<string, unknown>>> {
  return ctx.client.request<Record<string, unknown>>({
    method: "POST",
    path: userPath(ctx, userId),
    contentType,
    ...(body === undefined ? {} : { body }),
  });
}

/**
 * The user after an action whose response body PingOne does not document: the body when it is
 * the user, else a fresh read (docs/connector-capabilities.md#undocumented-answers).
 */
export async function userAfterAction(
  ctx: CapabilityContext,
  userId: string,
  response: ApiResponse<Record<string, unknown>>,
): Promise<Record<string, unknown>> {
  if (typeof response.body?.id === "string") return response.body;
  const read = await ctx.client.request<Record<string, unknown>>({
    method: "GET",
    path: userPath(ctx, userId),
    final: true,
  });
  return read.body ?? {};
}

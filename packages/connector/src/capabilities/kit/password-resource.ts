import type { ApiResponse } from "../../client/types.js";
import type { CapabilityContext, CapabilityRequest } from "./context.js";
import { userPath } from "./user-target.js";

/** `P/users/{id}/password` */
function passwordPath(ctx: CapabilityContext, userId: string): string {
  return `${userPath(ctx, userId)}/password`;
}

/** A call on the user's password resource with one of PingOne's action media types. */
export function passwordAction(
  ctx: CapabilityContext,
  userId: string,
  method: "POST" | "PUT",
  contentType: string,
  body?: unknown,
): CapabilityRequest {
  const request: CapabilityRequest = {
    method,
    path: passwordPath(ctx, userId),
    contentType,
  };
  if (body !== undefined) request.body = body;
  return request;
}

/** `GET P/users/{id}/password`. */
export function readPasswordState(
  ctx: CapabilityContext,
  userId: string,
  options: { final?: boolean } = {},
): Promise<ApiResponse<Record<string, unknown>>> {
  return ctx.client.request<Record<string, unknown>>({
    method: "GET",
    path: passwordPath(ctx, userId),
    final: options.final === true,
  });
}

import { PingOneApiError } from "../../client/errors/api-error.js";
import { isSafePathSegment } from "../../input/path-segment.js";
import { CapabilityError } from "../kit/capability-error.js";
import type { CapabilityContext } from "../kit/context.js";
import { readPasswordState } from "../kit/password-resource.js";

/** A user's `password.external.gateway`: the gateway and user type it came from, and how to find its entry. */
export interface GatewayLink {
  gatewayId: string;
  userTypeId: string;
  correlationAttributes: Readonly<Record<string, string>>;
}

/**
 * The gateway link of a PingOne user, from `GET P/users/{id}/password` (`external.gateway`):
 * PingOne never returns `password` on the user resource itself. No user is `noUserMatch`; a
 * user the gateway did not bring is `notFound`.
 */
export async function readGatewayLink(ctx: CapabilityContext, userId: string): Promise<GatewayLink> {
  if (!isSafePathSegment(userId)) throw noUserMatch();
  let state: Record<string, unknown>;
  try {
    state = (await readPasswordState(ctx, userId)).body ?? {};
  } catch (error) {
    // 400 is PingOne's answer for an id that is not a UUID: no user can have it.
    if (error instanceof PingOneApiError && (error.status === 404 || error.status === 400)) {
      throw noUserMatch(error);
    }
    throw error;
  }
  const gateway = (state.external as { gateway?: unknown } | undefined)?.gateway as
    | { id?: unknown; userType?: { id?: unknown }; correlationAttributes?: unknown }
    | undefined;
  if (typeof gateway?.id !== "string" || typeof gateway.userType?.id !== "string") {
    throw new CapabilityError("notFound", `User ${userId} is not linked to a gateway`, {
      httpResponseCode: 404,
    });
  }
  const correlationAttributes: Record<string, string> = {};
  const raw = gateway.correlationAttributes;
  if (raw !== null && typeof raw === "object" && !Array.isArray(raw)) {
    for (const [name, value] of Object.entries(raw)) {
      if (typeof value === "string" && value !== "") correlationAttributes[name] = value;
    }
  }
  return { gatewayId: gateway.id, userTypeId: gateway.userType.id, correlationAttributes };
}

function noUserMatch(apiError?: PingOneApiError): CapabilityError {
  return new CapabilityError("noUserMatch", "No user matches the given id", {
    httpResponseCode: 404,
    ...(apiError ? { apiError } : {}),
  });
}

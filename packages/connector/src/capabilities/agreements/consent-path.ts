import { pathSegment } from "../../input/path-segment.js";
import type { CapabilityContext } from "../kit/context.js";
import { userPath } from "../kit/user-target.js";

/** `P/users/{userId}/agreementConsents[/{agreementId}]`. */
export function consentsPath(ctx: CapabilityContext, userId: string, agreementId?: string): string {
  const base = `${userPath(ctx, userId)}/agreementConsents`;
  return agreementId === undefined ? base : `${base}/${pathSegment(agreementId)}`;
}

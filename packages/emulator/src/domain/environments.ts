import type { RoleName } from "./roles.js";
import { Roles } from "./roles.js";

/** Region codes of an environment (PingOne's region enum; docs/emulator.md#environments). */
export const ENVIRONMENT_REGIONS = ["NA", "EU", "AP", "CA", "AU", "SG"] as const;

export const ENVIRONMENT_TYPES = ["SANDBOX", "PRODUCTION"] as const;

/**
 * Which environments a worker sees: an Organization Admin every environment of the organisation,
 * an environment-level admin its own one, anyone else none (undefined: 403).
 */
export function environmentVisibility(
  roles: ReadonlySet<RoleName>,
): "organization" | "environment" | undefined {
  if (roles.has(Roles.organizationAdmin)) return "organization";
  if (roles.has(Roles.environmentAdmin) || roles.has(Roles.identityDataAdmin)) return "environment";
  return undefined;
}

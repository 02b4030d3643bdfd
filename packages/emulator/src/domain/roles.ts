import { invalidData } from "./errors.js";

/** The PingOne roles a worker application can hold in the emulator (docs/emulator.md#roles). */
export const Roles = {
  environmentAdmin: "Environment Admin",
  identityDataAdmin: "Identity Data Admin",
  organizationAdmin: "Organization Admin",
} as const;

export type RoleName = (typeof Roles)[keyof typeof Roles];

export const allRoleNames: readonly RoleName[] = Object.values(Roles);

export function isRoleName(value: unknown): value is RoleName {
  return typeof value === "string" && (allRoleNames as readonly string[]).includes(value);
}

/** Worker apps created without an explicit role list get what the connector needs. */
export const defaultWorkerRoles: readonly RoleName[] = [Roles.environmentAdmin, Roles.identityDataAdmin];

/** Role names a worker is given; anything else is INVALID_VALUE listing the known roles. */
export function assertKnownRoles(
  roles: readonly string[] | undefined,
  target: string,
): RoleName[] | undefined {
  if (roles === undefined) return undefined;
  if (roles.some((role) => !isRoleName(role))) {
    throw invalidData([
      {
        code: "INVALID_VALUE",
        target,
        message: "contains unknown roles",
        innerError: { allowedValues: [...allRoleNames] },
      },
    ]);
  }
  return roles as RoleName[];
}

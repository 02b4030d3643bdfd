/** The PingOne roles a worker application can hold in the emulator (pingone-api.md §1.5). */
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

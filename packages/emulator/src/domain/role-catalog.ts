import type { RoleScopeType } from "../store/role-assignments.js";

export interface BuiltInRole {
  readonly id: string;
  /** A value of the community spec's `EnumRoleName`. */
  readonly name: string;
  readonly description: string;
  /** Scope types a user can be assigned this role at. */
  readonly applicableTo: readonly RoleScopeType[];
}

/**
 * PingOne's built-in administrator roles (docs/emulator.md#roles, docs/emulator.md#role-assignments).
 * PingOne's role ids are global and fixed, but not published in the material we have, so these ids are the
 * emulator's own constants; names, descriptions and scopes follow PingOne's role documentation. Permissions
 * are not modelled: their ids are not documented here, and inventing them would mislead.
 */
export const BUILT_IN_ROLES: readonly BuiltInRole[] = [
  {
    id: "5279cda0-ffb0-4bf6-b746-c31044b95379",
    name: "Organization Admin",
    description: "Manages the organization: environments, licences and administrators.",
    applicableTo: ["ORGANIZATION"],
  },
  {
    id: "a03fb633-1e97-4254-922c-dc4445618126",
    name: "Environment Admin",
    description: "Manages environments and their configuration.",
    applicableTo: ["ORGANIZATION", "ENVIRONMENT"],
  },
  {
    id: "ac16598e-b344-40fb-b8eb-c48e6aa22a76",
    name: "Identity Data Admin",
    description: "Manages users, groups, populations and their identity data.",
    applicableTo: ["ENVIRONMENT", "POPULATION"],
  },
  {
    id: "eed534b1-3978-4685-ae48-b9cce31cd0aa",
    name: "Identity Data Read Only",
    description: "Reads users, groups, populations and their identity data.",
    applicableTo: ["ENVIRONMENT", "POPULATION"],
  },
  {
    id: "bac7232e-e5a0-4d2e-b5e6-0bee0d888851",
    name: "Client Application Developer",
    description: "Creates and manages applications in an environment.",
    applicableTo: ["ENVIRONMENT"],
  },
  {
    id: "1eeaf777-f09a-47a7-a4e0-d6493c88a3e6",
    name: "Configuration Read Only",
    description: "Reads the configuration of an environment.",
    applicableTo: ["ENVIRONMENT"],
  },
  {
    id: "1a9f9db1-f158-420d-a0b9-77aa21270718",
    name: "Application Owner",
    description: "Manages the applications it is assigned to.",
    applicableTo: ["APPLICATION"],
  },
  {
    id: "b62f0ae2-1428-4a53-96cb-cdf982a44663",
    name: "Help Desk Admin",
    description: "Helps users: unlocks accounts, resets passwords and manages their devices.",
    applicableTo: ["ENVIRONMENT", "POPULATION"],
  },
  {
    id: "5439d528-2aee-4429-8b21-ff5414b3b02a",
    name: "DaVinci Admin",
    description: "Manages DaVinci flows, connectors and applications.",
    applicableTo: ["ENVIRONMENT"],
  },
  {
    id: "b68b290b-589f-4f08-9940-f4b297920383",
    name: "DaVinci Admin Read Only",
    description: "Reads DaVinci flows, connectors and applications.",
    applicableTo: ["ENVIRONMENT"],
  },
  {
    id: "a755fa63-54f4-41a5-9749-cee2a848b7d1",
    name: "Custom Roles Admin",
    description: "Manages custom administrator roles.",
    applicableTo: ["ORGANIZATION", "ENVIRONMENT"],
  },
];

const byId = new Map(BUILT_IN_ROLES.map((role) => [role.id, role]));
const byName = new Map(BUILT_IN_ROLES.map((role) => [role.name.toLowerCase(), role]));

export function findRoleById(id: string): BuiltInRole | undefined {
  return byId.get(id);
}

/** Case-insensitive lookup by name, for seed files that name roles rather than quote ids. */
export function findRoleByName(name: string): BuiltInRole | undefined {
  return byName.get(name.toLowerCase());
}

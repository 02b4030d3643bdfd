/**
 * Error texts of the directory routes (groups, memberships, identity providers, linked accounts, sessions,
 * role assignments). PingOne's own wording is not documented for these cases (docs/emulator.md#error-bodies:
 * detail messages are unconfirmed), so they are plain descriptions kept in one place.
 */
export const DirectoryMessages = {
  groupPopulationImmutable: "cannot be changed once the group is created",
  unknownGroup: "does not identify a group of this environment",
  dynamicGroupMembership: "is a dynamic group; its members come from its userFilter",
  populationGroupMembership: "is a population group and the user belongs to another population",
  indirectMembership:
    "An indirect membership cannot be removed; change the group's userFilter or nesting instead.",
  nestingCycle: "would make the group a member of itself",
  nestedInSelf: "A group cannot be a member of itself.",
  unknownIdentityProvider: "does not identify an identity provider of this environment",
  unknownRole: "does not identify a role",
  scopeNotApplicable: "is not a scope this role can be assigned at",
  unknownScope: "does not identify a resource of this scope type",
  readOnlyRoleAssignment: "This role assignment is read-only and cannot be deleted.",
} as const;

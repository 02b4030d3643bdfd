import type { EmulatorContext } from "../context.js";
import { addUserToGroup, nestGroup } from "../domain/group-memberships.js";
import { createGroup } from "../domain/groups.js";
import { createIdentityProvider } from "../domain/identity-providers.js";
import { createLinkedAccount } from "../domain/linked-accounts.js";
import { createRoleAssignment } from "../domain/role-assignments.js";
import { findRoleById, findRoleByName } from "../domain/role-catalog.js";
import type { JsonObject, ObjectSpec } from "../domain/validation.js";
import type { EmulatorDatabase } from "../store/database.js";
import { organizationOf } from "../store/environments.js";
import { findIdByIdOrName } from "../store/references.js";
import {
  checkEntry,
  presentKeys,
  referenceIn,
  SEED_TEXT,
  SeedError,
  seedEntries,
  seedId,
  seedStep,
} from "./seed-entries.js";
import { seedSessions } from "./seed-sessions.js";

/**
 * The directory part of one environment in a seed file: groups, memberships, identity providers, linked
 * accounts, sessions and role assignments. References to users, groups, populations, providers and roles
 * take an id or a name (a username for users). The package README documents the format with an example.
 */
export interface DirectorySeed {
  groups?: unknown[];
  groupMemberships?: unknown[];
  identityProviders?: unknown[];
  linkedAccounts?: unknown[];
  sessions?: unknown[];
  roleAssignments?: unknown[];
}

/** What a seed entry can reference, and how it is named: users by username, the rest by name. */
const REFERENCES = {
  user: { table: "users", nameColumn: "username" },
  group: { table: "groups", nameColumn: "name" },
  population: { table: "populations", nameColumn: "name" },
  "identity provider": { table: "identity_providers", nameColumn: "name" },
} as const;

/** Resolves a reference by id or name, or names the entry and what it did not find. */
function resolve(
  db: EmulatorDatabase,
  environmentId: string,
  what: keyof typeof REFERENCES,
  reference: string,
  at: string,
): string {
  const { table, nameColumn } = REFERENCES[what];
  const id = findIdByIdOrName(db, table, nameColumn, environmentId, reference);
  if (id === undefined) throw new SeedError(at, `no ${what} "${reference}" in the environment`);
  return id;
}

const GROUP_SEED_SPEC: ObjectSpec = { id: SEED_TEXT, memberOfGroups: { kind: "stringArray" } };

function seedGroups(ctx: EmulatorContext, environmentId: string, seed: JsonObject, where: string): void {
  const groups = seedEntries(seed, "groups", where);
  const created = groups.map(({ entry, at }) => {
    const { id: _id, population: _population, memberOfGroups: _nesting, ...body } = entry;
    checkEntry(at, presentKeys(entry, ["id", "memberOfGroups"]), GROUP_SEED_SPEC);
    const population = seedStep(at, () => referenceIn(entry, "population"));
    if (population !== undefined) {
      body.population = { id: resolve(ctx.db, environmentId, "population", population, at) };
    }
    return seedStep(at, () => createGroup(ctx, environmentId, body, seedId(entry))).id;
  });
  // Nesting after every group exists, so a group may name a parent declared later in the file.
  groups.forEach(({ entry, at }, index) => {
    for (const parent of (entry.memberOfGroups as string[] | undefined) ?? []) {
      const parentId = resolve(ctx.db, environmentId, "group", parent, at);
      seedStep(at, () => nestGroup(ctx, environmentId, created[index] as string, parentId));
    }
  });
}

const MEMBERSHIP_SPEC: ObjectSpec = { user: SEED_TEXT, group: SEED_TEXT };

function seedMemberships(ctx: EmulatorContext, environmentId: string, seed: JsonObject, where: string): void {
  for (const { entry, at } of seedEntries(seed, "groupMemberships", where)) {
    checkEntry(at, entry, MEMBERSHIP_SPEC, ["user", "group"]);
    const userId = resolve(ctx.db, environmentId, "user", entry.user as string, at);
    const groupId = resolve(ctx.db, environmentId, "group", entry.group as string, at);
    seedStep(at, () => addUserToGroup(ctx, environmentId, userId, groupId));
  }
}

function seedIdentityProviders(
  ctx: EmulatorContext,
  environmentId: string,
  seed: JsonObject,
  where: string,
): void {
  for (const { entry, at } of seedEntries(seed, "identityProviders", where)) {
    const { id: _id, ...body } = entry;
    checkEntry(at, presentKeys(entry, ["id"]), { id: SEED_TEXT });
    seedStep(at, () => createIdentityProvider(ctx, environmentId, { enabled: true, ...body }, seedId(entry)));
  }
}

const LINK_SEED_SPEC: ObjectSpec = {
  id: SEED_TEXT,
  user: SEED_TEXT,
  identityProvider: SEED_TEXT,
  externalId: { kind: "string" },
  attributes: { kind: "anyObject" },
};

function seedLinkedAccounts(
  ctx: EmulatorContext,
  environmentId: string,
  seed: JsonObject,
  where: string,
): void {
  for (const { entry, at } of seedEntries(seed, "linkedAccounts", where)) {
    checkEntry(at, entry, LINK_SEED_SPEC, ["user", "identityProvider"]);
    const userId = resolve(ctx.db, environmentId, "user", entry.user as string, at);
    const provider = entry.identityProvider as string;
    const providerId = resolve(ctx.db, environmentId, "identity provider", provider, at);
    const body: JsonObject = { identityProvider: { id: providerId }, externalId: entry.externalId };
    if (entry.attributes !== undefined) body.attributes = entry.attributes;
    seedStep(at, () => createLinkedAccount(ctx, environmentId, userId, body, seedId(entry)));
  }
}

const ASSIGNMENT_SEED_SPEC: ObjectSpec = {
  id: SEED_TEXT,
  user: SEED_TEXT,
  role: SEED_TEXT,
  scope: { kind: "object", fields: { type: { kind: "string" }, id: SEED_TEXT }, required: ["type"] },
  readOnly: { kind: "boolean" },
};

/** A seed scope defaults to this environment; an organisation scope defaults to its organisation. */
function roleScope(
  ctx: EmulatorContext,
  environmentId: string,
  entry: JsonObject,
  at: string,
): { id: string; type: string } {
  const { type, id } = (entry.scope as { type: string; id?: string } | undefined) ?? { type: "ENVIRONMENT" };
  if (id !== undefined) {
    return {
      type,
      id: type === "POPULATION" ? resolve(ctx.db, environmentId, "population", id, at) : id,
    };
  }
  if (type === "ENVIRONMENT") return { type, id: environmentId };
  if (type === "ORGANIZATION") return { type, id: organizationOf(ctx.db, environmentId) as string };
  throw new SeedError(at, `"scope.id" is required for scope type ${type}`);
}

function seedRoleAssignments(
  ctx: EmulatorContext,
  environmentId: string,
  seed: JsonObject,
  where: string,
): void {
  for (const { entry, at } of seedEntries(seed, "roleAssignments", where)) {
    checkEntry(at, entry, ASSIGNMENT_SEED_SPEC, ["user", "role"]);
    const userId = resolve(ctx.db, environmentId, "user", entry.user as string, at);
    const reference = entry.role as string;
    const role = findRoleById(reference) ?? findRoleByName(reference);
    if (role === undefined) throw new SeedError(at, `no role "${reference}"`);
    const body = { role: { id: role.id }, scope: roleScope(ctx, environmentId, entry, at) };
    seedStep(at, () =>
      createRoleAssignment(ctx, environmentId, userId, body, entry.readOnly === true, seedId(entry)),
    );
  }
}

/**
 * Loads the directory part of one environment of a seed file. Users, populations and the environment must
 * exist already. Every entry goes through the same validation as the matching API call; the first problem
 * throws a SeedError naming the entry (`where` prefixes it, e.g. `environments[0]`). Call inside the seed
 * loader's transaction so a bad file leaves nothing behind.
 */
export function seedDirectory(
  ctx: EmulatorContext,
  environmentId: string,
  seed: DirectorySeed,
  where: string,
): void {
  const directory = seed as JsonObject;
  seedGroups(ctx, environmentId, directory, where);
  seedMemberships(ctx, environmentId, directory, where);
  seedIdentityProviders(ctx, environmentId, directory, where);
  seedLinkedAccounts(ctx, environmentId, directory, where);
  seedSessions(ctx, environmentId, seedEntries(directory, "sessions", where), (reference, at) =>
    resolve(ctx.db, environmentId, "user", reference, at),
  );
  seedRoleAssignments(ctx, environmentId, directory, where);
}

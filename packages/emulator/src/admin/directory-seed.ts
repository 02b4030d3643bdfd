import type { EmulatorContext } from "../context.js";
import { findRoleById, findRoleByName } from "../domain/role-catalog.js";
import type { JsonObject } from "../http/json-body.js";
import { PingOneError } from "../http/pingone-error.js";
import { addUserToGroup, nestGroup } from "../routes/group-memberships.js";
import { createGroup } from "../routes/groups.js";
import { createIdentityProvider } from "../routes/identity-providers.js";
import { createLinkedAccount } from "../routes/linked-accounts.js";
import { createRoleAssignment } from "../routes/role-assignments.js";
import type { EmulatorDatabase } from "../store/database.js";
import { findIdentityProvider, findIdentityProviderIdByName } from "../store/identity-providers.js";
import { findPopulation, findPopulationByName } from "../store/populations.js";
import { insertSession, MAX_SESSION_LOCATIONS, type SessionLocation } from "../store/sessions.js";
import { findUserIdByIdOrUsername } from "../store/user-references.js";

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

/** A seed entry PingOne would refuse, or a reference that resolves to nothing; names the entry. */
export class DirectorySeedError extends Error {
  constructor(where: string, problem: string) {
    super(`Seed ${where}: ${problem}`);
    this.name = "DirectorySeedError";
  }
}

type Entry = Record<string, unknown>;

function entries(
  seed: DirectorySeed,
  key: keyof DirectorySeed,
  where: string,
): { entry: Entry; at: string }[] {
  const list = seed[key];
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new DirectorySeedError(`${where}.${key}`, "must be an array");
  return list.map((entry, index) => {
    const at = `${where}.${key}[${index}]`;
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
      throw new DirectorySeedError(at, "must be an object");
    }
    return { entry: entry as Entry, at };
  });
}

function text(entry: Entry, key: string, at: string): string {
  const value = entry[key];
  if (typeof value !== "string" || value === "")
    throw new DirectorySeedError(at, `"${key}" must be a non-empty string`);
  return value;
}

function optionalText(entry: Entry, key: string, at: string): string | undefined {
  return entry[key] === undefined ? undefined : text(entry, key, at);
}

/** Runs one PingOne-validated write, turning PingOne's 400 into a seed error that names the entry. */
function asSeedStep<T>(at: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof PingOneError) {
      const details = error.details.map((d) => `${d.target ?? ""} ${d.message}`.trim()).join("; ");
      throw new DirectorySeedError(at, details === "" ? error.message : details);
    }
    throw error;
  }
}

function resolveUser(db: EmulatorDatabase, environmentId: string, reference: string, at: string): string {
  const id = findUserIdByIdOrUsername(db, environmentId, reference);
  if (id === undefined) throw new DirectorySeedError(at, `no user "${reference}" in the environment`);
  return id;
}

function resolveGroup(db: EmulatorDatabase, environmentId: string, reference: string, at: string): string {
  const id = db
    .prepare(
      `SELECT id FROM groups WHERE environment_id = ? AND (id = ? OR name = ? COLLATE NOCASE)
        ORDER BY id = ? DESC, seq LIMIT 1`,
    )
    .pluck()
    .get(environmentId, reference, reference, reference) as string | undefined;
  if (id === undefined) throw new DirectorySeedError(at, `no group "${reference}" in the environment`);
  return id;
}

function resolvePopulation(
  db: EmulatorDatabase,
  environmentId: string,
  reference: string,
  at: string,
): string {
  const population =
    findPopulation(db, environmentId, reference) ?? findPopulationByName(db, environmentId, reference);
  if (population === undefined)
    throw new DirectorySeedError(at, `no population "${reference}" in the environment`);
  return population.id;
}

function resolveProvider(db: EmulatorDatabase, environmentId: string, reference: string, at: string): string {
  const id =
    findIdentityProvider(db, environmentId, reference)?.id ??
    findIdentityProviderIdByName(db, environmentId, reference);
  if (id === undefined)
    throw new DirectorySeedError(at, `no identity provider "${reference}" in the environment`);
  return id;
}

function epochMs(entry: Entry, key: string, at: string, fallback: number): number {
  const value = entry[key];
  if (value === undefined) return fallback;
  const parsed = typeof value === "string" ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(parsed)) throw new DirectorySeedError(at, `"${key}" must be an ISO 8601 date-time`);
  return parsed;
}

function nameVersion(entry: Entry, key: string, at: string): { name?: string; version?: string } | null {
  const value = entry[key];
  if (value === undefined) return null;
  if (typeof value !== "object" || value === null)
    throw new DirectorySeedError(at, `"${key}" must be an object`);
  const { name, version } = value as Entry;
  if (
    (name !== undefined && typeof name !== "string") ||
    (version !== undefined && typeof version !== "string")
  ) {
    throw new DirectorySeedError(at, `"${key}" takes string "name" and "version"`);
  }
  return { ...(name === undefined ? {} : { name }), ...(version === undefined ? {} : { version }) };
}

function sessionLocations(entry: Entry, at: string, fallbackAt: number): SessionLocation[] {
  const value = entry.locations;
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > MAX_SESSION_LOCATIONS) {
    throw new DirectorySeedError(
      at,
      `"locations" must be an array of at most ${MAX_SESSION_LOCATIONS} objects`,
    );
  }
  return value.map((location, index) => {
    const where = `${at}.locations[${index}]`;
    if (typeof location !== "object" || location === null)
      throw new DirectorySeedError(where, "must be an object");
    const place = location as Entry;
    const result: SessionLocation = { at: epochMs(place, "at", where, fallbackAt) };
    for (const key of ["remoteIp", "city", "state", "region", "country"] as const) {
      const part = optionalText(place, key, where);
      if (part !== undefined) result[key] = part;
    }
    return result;
  });
}

function seedGroups(ctx: EmulatorContext, environmentId: string, seed: DirectorySeed, where: string): void {
  const groupEntries = entries(seed, "groups", where);
  const createdIds: string[] = [];
  for (const { entry, at } of groupEntries) {
    const { id, population, memberOfGroups: _nesting, ...attributes } = entry;
    const body: JsonObject = { ...attributes };
    if (population !== undefined) {
      const reference =
        typeof population === "object" && population !== null ? (population as Entry).id : population;
      if (typeof reference !== "string")
        throw new DirectorySeedError(at, '"population" must be an id or a name');
      body.population = { id: resolvePopulation(ctx.db, environmentId, reference, at) };
    }
    const groupId = id === undefined ? crypto.randomUUID() : text(entry, "id", at);
    createdIds.push(asSeedStep(at, () => createGroup(ctx, environmentId, body, groupId)).id);
  }
  // Nesting after every group exists, so a group may name a parent declared later in the file.
  groupEntries.forEach(({ entry, at }, index) => {
    const parents = entry.memberOfGroups;
    if (parents === undefined) return;
    if (!Array.isArray(parents)) {
      throw new DirectorySeedError(at, '"memberOfGroups" must be an array of group names or ids');
    }
    const groupId = createdIds[index] as string;
    for (const parent of parents) {
      if (typeof parent !== "string") throw new DirectorySeedError(at, '"memberOfGroups" must hold strings');
      const parentId = resolveGroup(ctx.db, environmentId, parent, at);
      asSeedStep(at, () => nestGroup(ctx, environmentId, groupId, parentId));
    }
  });
}

/**
 * Loads the directory part of one environment of a seed file. Users, populations and the environment must
 * exist already. Every entry goes through the same validation as the matching API call; the first problem
 * throws a DirectorySeedError naming the entry (`where` prefixes it, e.g. `environments[0]`). Call inside
 * the seed loader's transaction so a bad file leaves nothing behind.
 */
export function seedDirectory(
  ctx: EmulatorContext,
  environmentId: string,
  seed: DirectorySeed,
  where: string,
): void {
  seedGroups(ctx, environmentId, seed, where);

  for (const { entry, at } of entries(seed, "groupMemberships", where)) {
    const userId = resolveUser(ctx.db, environmentId, text(entry, "user", at), at);
    const groupId = resolveGroup(ctx.db, environmentId, text(entry, "group", at), at);
    asSeedStep(at, () => addUserToGroup(ctx, environmentId, userId, groupId));
  }

  for (const { entry, at } of entries(seed, "identityProviders", where)) {
    const { id, ...body } = entry;
    const providerId = id === undefined ? crypto.randomUUID() : text(entry, "id", at);
    asSeedStep(at, () => createIdentityProvider(ctx, environmentId, { enabled: true, ...body }, providerId));
  }

  for (const { entry, at } of entries(seed, "linkedAccounts", where)) {
    const userId = resolveUser(ctx.db, environmentId, text(entry, "user", at), at);
    const providerId = resolveProvider(ctx.db, environmentId, text(entry, "identityProvider", at), at);
    const body: JsonObject = { identityProvider: { id: providerId }, externalId: entry.externalId };
    if (entry.attributes !== undefined) body.attributes = entry.attributes;
    const linkId = optionalText(entry, "id", at) ?? crypto.randomUUID();
    asSeedStep(at, () => createLinkedAccount(ctx, environmentId, userId, body, linkId));
  }

  for (const { entry, at } of entries(seed, "sessions", where)) {
    const userId = resolveUser(ctx.db, environmentId, text(entry, "user", at), at);
    const now = ctx.clock.now();
    const createdAt = epochMs(entry, "createdAt", at, now);
    const remoteIp = optionalText(entry, "remoteIp", at) ?? null;
    insertSession(ctx.db, {
      id: optionalText(entry, "id", at) ?? crypto.randomUUID(),
      environmentId,
      userId,
      createdAt,
      activeAt: epochMs(entry, "activeAt", at, createdAt),
      lastSignOnAt: epochMs(entry, "lastSignOnAt", at, createdAt),
      lastSignOnRemoteIp: remoteIp,
      locations: sessionLocations(entry, at, createdAt),
      browser: nameVersion(entry, "browser", at),
      operatingSystem: nameVersion(entry, "operatingSystem", at),
      deviceType: optionalText(entry, "deviceType", at) ?? null,
      userAgent: optionalText(entry, "userAgent", at) ?? null,
    });
  }

  for (const { entry, at } of entries(seed, "roleAssignments", where)) {
    const userId = resolveUser(ctx.db, environmentId, text(entry, "user", at), at);
    const roleReference = text(entry, "role", at);
    const role = findRoleById(roleReference) ?? findRoleByName(roleReference);
    if (role === undefined) throw new DirectorySeedError(at, `no role "${roleReference}"`);
    const scope = roleScope(ctx, environmentId, entry, at);
    const readOnly = entry.readOnly === true;
    const assignmentId = optionalText(entry, "id", at) ?? crypto.randomUUID();
    asSeedStep(at, () =>
      createRoleAssignment(
        ctx,
        environmentId,
        userId,
        { role: { id: role.id }, scope },
        readOnly,
        assignmentId,
      ),
    );
  }
}

/** A seed scope defaults to this environment; an organisation scope defaults to its organisation. */
function roleScope(
  ctx: EmulatorContext,
  environmentId: string,
  entry: Entry,
  at: string,
): { id: string; type: string } {
  const scope = entry.scope === undefined ? { type: "ENVIRONMENT" } : entry.scope;
  if (typeof scope !== "object" || scope === null)
    throw new DirectorySeedError(at, '"scope" must be an object');
  const { type, id } = scope as Entry;
  if (typeof type !== "string") throw new DirectorySeedError(at, '"scope.type" must be a string');
  if (typeof id === "string") {
    return { type, id: type === "POPULATION" ? resolvePopulation(ctx.db, environmentId, id, at) : id };
  }
  if (type === "ENVIRONMENT") return { type, id: environmentId };
  if (type === "ORGANIZATION") {
    const organizationId = ctx.db
      .prepare("SELECT organization_id FROM environments WHERE id = ?")
      .pluck()
      .get(environmentId) as string;
    return { type, id: organizationId };
  }
  throw new DirectorySeedError(at, `"scope.id" is required for scope type ${type}`);
}

import type { EmulatorContext } from "../context.js";
import { createUser, parseNewUser } from "../domain/create-user.js";
import { isRoleName, type RoleName } from "../domain/roles.js";
import { assertCustomAttributeNames } from "../domain/user-attributes.js";
import { PingOneError } from "../http/pingone-error.js";
import { type TokenAuthMethod, tokenAuthMethods } from "../store/applications.js";
import { findEnvironment } from "../store/environments.js";
import { findPasswordPolicy } from "../store/password-policies.js";
import {
  findPopulation,
  findPopulationByName,
  insertPopulation,
  type PopulationFields,
  updatePopulation,
} from "../store/populations.js";
import { updateUserColumns } from "../store/users.js";
import { seedAgreements } from "./agreements-seed.js";
import { seedBranding } from "./branding-seed.js";
import { type DirectorySeed, DirectorySeedError, seedDirectory } from "./directory-seed.js";
import { provisionEnvironment, provisionWorker } from "./provision-environment.js";
import { SeedEntryError } from "./seed-entries.js";

/** A seed file PingOne (or the format) would refuse; the message names the entry, never a secret. */
export class SeedError extends Error {
  constructor(where: string, problem: string) {
    super(`Seed ${where}: ${problem}`);
    this.name = "SeedError";
  }
}

export interface SeedSummary {
  environments: {
    environmentId: string;
    name: string;
    /** True when an environment with this id already existed: it was left untouched. */
    skipped: boolean;
    workers: {
      clientId: string;
      clientSecret: string;
      tokenAuthMethod: TokenAuthMethod;
      roles: RoleName[];
    }[];
    populations: number;
    users: number;
  }[];
}

type Entry = Record<string, unknown>;

const ENVIRONMENT_KEYS = new Set([
  "id",
  "name",
  "description",
  "region",
  "type",
  "customUserAttributes",
  "workers",
  "populations",
  "users",
  "groups",
  "groupMemberships",
  "identityProviders",
  "linkedAccounts",
  "sessions",
  "roleAssignments",
  "agreements",
  "agreementConsents",
  "themes",
  "forms",
]);
const REGIONS = ["NA", "EU", "AP", "CA", "AU", "SG"];
const POPULATION_KEYS = new Set([
  "id",
  "name",
  "description",
  "default",
  "alternativeIdentifiers",
  "passwordPolicy",
]);
const WORKER_KEYS = new Set(["clientId", "clientSecret", "name", "tokenAuthMethod", "roles"]);

function asObject(value: unknown, at: string): Entry {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new SeedError(at, "must be an object");
  return value as Entry;
}

function list(entry: Entry, key: string, at: string): { item: Entry; at: string }[] {
  const value = entry[key];
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new SeedError(`${at}.${key}`, "must be an array");
  return value.map((item, index) => ({
    item: asObject(item, `${at}.${key}[${index}]`),
    at: `${at}.${key}[${index}]`,
  }));
}

function optionalString(
  entry: Entry,
  key: string,
  at: string,
  allowed?: readonly string[],
): string | undefined {
  const value = entry[key];
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value === "")
    throw new SeedError(at, `"${key}" must be a non-empty string`);
  if (allowed !== undefined && !allowed.includes(value)) {
    throw new SeedError(at, `"${key}" must be one of ${allowed.join(", ")}`);
  }
  return value;
}

function stringArray(entry: Entry, key: string, at: string): string[] | undefined {
  const value = entry[key];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) {
    throw new SeedError(at, `"${key}" must be an array of strings`);
  }
  return value as string[];
}

function rejectUnknownKeys(entry: Entry, known: ReadonlySet<string>, at: string): void {
  const unknown = Object.keys(entry).filter((key) => !known.has(key));
  if (unknown.length > 0) throw new SeedError(at, `unknown keys ${unknown.join(", ")}`);
}

/** Runs a PingOne-validated step, turning PingOne's 4xx into a seed error that names the entry. */
function step<T>(at: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof PingOneError) {
      const details = error.details
        .map((detail) => `${detail.target ?? ""} ${detail.message}`.trim())
        .join("; ");
      throw new SeedError(at, details === "" ? error.message : details);
    }
    throw error;
  }
}

function resolvePolicyId(ctx: EmulatorContext, environmentId: string, reference: string, at: string): string {
  if (findPasswordPolicy(ctx.db, environmentId, reference) !== undefined) return reference;
  const byName = ctx.db
    .prepare("SELECT id FROM password_policies WHERE environment_id = ? AND name = ? COLLATE NOCASE")
    .pluck()
    .get(environmentId, reference) as string | undefined;
  if (byName === undefined) throw new SeedError(at, `no password policy "${reference}"`);
  return byName;
}

function populationFields(
  ctx: EmulatorContext,
  environmentId: string,
  entry: Entry,
  at: string,
): PopulationFields {
  const name = optionalString(entry, "name", at);
  if (name === undefined) throw new SeedError(at, '"name" is required');
  if (entry.default !== undefined && typeof entry.default !== "boolean") {
    throw new SeedError(at, '"default" must be a boolean');
  }
  const policy = optionalString(entry, "passwordPolicy", at);
  return {
    name,
    description: optionalString(entry, "description", at) ?? null,
    isDefault: entry.default === true,
    alternativeIdentifiers: stringArray(entry, "alternativeIdentifiers", at) ?? [],
    passwordPolicyId: policy === undefined ? null : resolvePolicyId(ctx, environmentId, policy, at),
    themeId: null,
    preferredLanguage: null,
  };
}

function seedWorkers(ctx: EmulatorContext, environmentId: string, entry: Entry, at: string) {
  const declared = list(entry, "workers", at);
  const requests = declared.length === 0 ? [{ item: {} as Entry, at: `${at}.workers[0]` }] : declared;
  return requests.map(({ item, at: where }) => {
    rejectUnknownKeys(item, WORKER_KEYS, where);
    const roles = stringArray(item, "roles", where);
    const unknownRole = roles?.find((role) => !isRoleName(role));
    if (unknownRole !== undefined) throw new SeedError(where, `unknown role "${unknownRole}"`);
    const clientId = optionalString(item, "clientId", where);
    if (
      clientId !== undefined &&
      ctx.db.prepare("SELECT 1 FROM applications WHERE id = ?").get(clientId) !== undefined
    ) {
      throw new SeedError(where, `clientId "${clientId}" is already in use`);
    }
    const worker = provisionWorker(
      ctx.db,
      environmentId,
      {
        clientId,
        clientSecret: optionalString(item, "clientSecret", where),
        name: optionalString(item, "name", where),
        tokenAuthMethod: optionalString(item, "tokenAuthMethod", where, tokenAuthMethods) as
          | TokenAuthMethod
          | undefined,
        roles: roles as RoleName[] | undefined,
      },
      ctx.clock.now(),
    );
    return {
      clientId: worker.id,
      clientSecret: worker.clientSecret,
      tokenAuthMethod: worker.tokenAuthMethod,
      roles: worker.roles,
    };
  });
}

/** Seed-only user keys: PingOne sets these through separate calls, a seed sets them directly. */
function seedUser(ctx: EmulatorContext, environmentId: string, entry: Entry, at: string): void {
  const { id, population, enabled, account, ...body } = entry;
  if (id !== undefined && (typeof id !== "string" || id === ""))
    throw new SeedError(at, '"id" must be a non-empty string');
  if (enabled !== undefined && typeof enabled !== "boolean")
    throw new SeedError(at, '"enabled" must be a boolean');
  if (population !== undefined) {
    const reference =
      typeof population === "object" && population !== null ? (population as Entry).id : population;
    if (typeof reference !== "string") throw new SeedError(at, '"population" must be a name or an id');
    const resolved =
      findPopulation(ctx.db, environmentId, reference) ??
      findPopulationByName(ctx.db, environmentId, reference);
    if (resolved === undefined) throw new SeedError(at, `no population "${reference}"`);
    body.population = { id: resolved.id };
  }
  const request = step(at, () => parseNewUser(ctx.db, environmentId, body, "import"));
  const user = step(at, () =>
    createUser(ctx, environmentId, request, (id as string | undefined) ?? crypto.randomUUID()),
  );
  const now = ctx.clock.now();
  if (enabled === false) updateUserColumns(ctx.db, user.id, { enabled: 0 }, now);
  if (account !== undefined) {
    const lock = asObject(account, `${at}.account`);
    const status = optionalString(lock, "status", `${at}.account`, ["OK", "LOCKED"]);
    const unlockAt = optionalString(lock, "unlockAt", `${at}.account`);
    const unlockAtMs = unlockAt === undefined ? null : Date.parse(unlockAt);
    if (unlockAtMs !== null && Number.isNaN(unlockAtMs))
      throw new SeedError(`${at}.account`, '"unlockAt" must be a date-time');
    if (status === "LOCKED") {
      updateUserColumns(
        ctx.db,
        user.id,
        { account_status: "LOCKED", account_locked_at: now, account_unlock_at: unlockAtMs },
        now,
      );
    }
  }
}

function seedEnvironment(
  ctx: EmulatorContext,
  entry: Entry,
  at: string,
): SeedSummary["environments"][number] {
  rejectUnknownKeys(entry, ENVIRONMENT_KEYS, at);
  const requestedId = optionalString(entry, "id", at);
  if (requestedId !== undefined) {
    const existing = findEnvironment(ctx.db, requestedId);
    if (existing !== undefined) {
      return {
        environmentId: existing.id,
        name: existing.name,
        skipped: true,
        workers: [],
        populations: 0,
        users: 0,
      };
    }
  }
  const populations = list(entry, "populations", at);
  const defaults = populations.filter(({ item }) => item.default === true);
  if (defaults.length > 1) throw new SeedError(at, "at most one population can be the default");
  const seededDefault = defaults[0];
  const customUserAttributes = stringArray(entry, "customUserAttributes", at);
  step(at, () => assertCustomAttributeNames(customUserAttributes ?? [], "customUserAttributes"));
  const now = ctx.clock.now();
  const provisioned = provisionEnvironment(
    ctx.db,
    {
      id: requestedId,
      name: optionalString(entry, "name", at),
      description: optionalString(entry, "description", at),
      region: optionalString(entry, "region", at, REGIONS),
      type: optionalString(entry, "type", at, ["SANDBOX", "PRODUCTION"]),
      customUserAttributes,
      defaultPopulationName:
        seededDefault === undefined
          ? undefined
          : optionalString(seededDefault.item, "name", seededDefault.at),
      defaultPopulationId:
        seededDefault === undefined ? undefined : optionalString(seededDefault.item, "id", seededDefault.at),
    },
    now,
  );
  const environmentId = provisioned.environmentId;
  const workers = seedWorkers(ctx, environmentId, entry, at);
  for (const { item, at: where } of populations) {
    rejectUnknownKeys(item, POPULATION_KEYS, where);
    const fields = populationFields(ctx, environmentId, item, where);
    if (item === seededDefault?.item) {
      updatePopulation(ctx.db, provisioned.defaultPopulationId, environmentId, fields, now);
      continue;
    }
    if (findPopulationByName(ctx.db, environmentId, fields.name) !== undefined) {
      throw new SeedError(where, `a population named "${fields.name}" already exists`);
    }
    insertPopulation(ctx.db, environmentId, fields, now, optionalString(item, "id", where));
  }
  const users = list(entry, "users", at);
  for (const { item, at: where } of users) seedUser(ctx, environmentId, item, where);
  try {
    seedDirectory(ctx, environmentId, entry as DirectorySeed, at);
  } catch (error) {
    if (error instanceof DirectorySeedError) throw new SeedError(at, error.message.replace(/^Seed /, ""));
    throw error;
  }
  try {
    seedAgreements(ctx, environmentId, entry, at);
    seedBranding(ctx, environmentId, entry, at);
  } catch (error) {
    if (error instanceof SeedEntryError) throw new SeedError(error.where, error.problem);
    throw error;
  }
  return {
    environmentId,
    name: findEnvironment(ctx.db, environmentId)?.name ?? "",
    skipped: false,
    workers,
    populations: populations.length + (seededDefault === undefined ? 1 : 0),
    users: users.length,
  };
}

/**
 * Loads a seed document (format in the package README) in one transaction: a bad entry throws a
 * SeedError naming it and leaves the database as it was. Environments whose `id` already exists are
 * skipped, so a seed can be applied at every start of a persisted emulator.
 */
export function applySeed(ctx: EmulatorContext, document: unknown): SeedSummary {
  const root = asObject(document, "document");
  rejectUnknownKeys(root, new Set(["environments"]), "document");
  return ctx.db.transaction(() => ({
    environments: list(root, "environments", "document").map(({ item }, index) =>
      seedEnvironment(ctx, item, `environments[${index}]`),
    ),
  }))();
}

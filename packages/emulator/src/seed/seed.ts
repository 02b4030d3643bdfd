import type { EmulatorContext } from "../context.js";
import { ENVIRONMENT_REGIONS, ENVIRONMENT_TYPES } from "../domain/environments.js";
import { provisionEnvironment } from "../domain/provision-environment.js";
import { assertCustomAttributeNames } from "../domain/user-attributes.js";
import type { JsonObject, ObjectSpec } from "../domain/validation.js";
import { findEnvironment } from "../store/environments.js";
import { type DirectorySeed, seedDirectory } from "./directory-seed.js";
import { seedAgreements } from "./seed-agreements.js";
import { seedBranding } from "./seed-branding.js";
import { checkEntry, SEED_TEXT, SeedError, seedEntries, seedStep } from "./seed-entries.js";
import { seedGateways } from "./seed-gateways.js";
import { checkPopulations, seedPopulations } from "./seed-populations.js";
import { seedUser } from "./seed-users.js";
import { type SeededWorker, seedWorkers } from "./seed-workers.js";

export interface SeedSummary {
  environments: {
    environmentId: string;
    name: string;
    /** True when an environment with this id already existed: it was left untouched. */
    skipped: boolean;
    workers: SeededWorker[];
    populations: number;
    users: number;
  }[];
}

const list = { kind: "objectArray" } as const;

/** An environment of a seed file (format in the package README, rules in docs/emulator.md#seeds). */
const ENVIRONMENT_SPEC: ObjectSpec = {
  id: SEED_TEXT,
  name: SEED_TEXT,
  description: SEED_TEXT,
  region: { kind: "string", allowed: ENVIRONMENT_REGIONS },
  type: { kind: "string", allowed: ENVIRONMENT_TYPES },
  customUserAttributes: { kind: "stringArray" },
  workers: list,
  populations: list,
  users: list,
  groups: list,
  groupMemberships: list,
  identityProviders: list,
  linkedAccounts: list,
  sessions: list,
  roleAssignments: list,
  agreements: list,
  agreementConsents: list,
  themes: list,
  forms: list,
  gateways: list,
};

function seedEnvironment(
  ctx: EmulatorContext,
  entry: JsonObject,
  at: string,
): SeedSummary["environments"][number] {
  checkEntry(at, entry, ENVIRONMENT_SPEC);
  const existing = entry.id === undefined ? undefined : findEnvironment(ctx.db, entry.id as string);
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
  const populations = seedEntries(entry, "populations", at);
  checkPopulations(populations);
  const defaults = populations.filter(({ entry: population }) => population.default === true);
  if (defaults.length > 1) throw new SeedError(at, "at most one population can be the default");
  const seededDefault = defaults[0]?.entry;
  const customUserAttributes = entry.customUserAttributes as string[] | undefined;
  seedStep(at, () => assertCustomAttributeNames(customUserAttributes ?? [], "customUserAttributes"));
  const provisioned = provisionEnvironment(
    ctx.db,
    {
      id: entry.id as string | undefined,
      name: entry.name as string | undefined,
      description: entry.description as string | undefined,
      region: entry.region as string | undefined,
      type: entry.type as string | undefined,
      customUserAttributes,
      defaultPopulationName: seededDefault?.name as string | undefined,
      defaultPopulationId: seededDefault?.id as string | undefined,
    },
    ctx.clock.now(),
  );
  const { environmentId } = provisioned;
  const workers = seedWorkers(ctx, environmentId, entry, at);
  seedPopulations(ctx, environmentId, populations, {
    id: provisioned.defaultPopulationId,
    entry: seededDefault,
  });
  seedGateways(ctx, environmentId, entry, at);
  const users = seedEntries(entry, "users", at);
  for (const user of users) seedUser(ctx, environmentId, user.entry, user.at);
  seedDirectory(ctx, environmentId, entry as DirectorySeed, at);
  seedAgreements(ctx, environmentId, entry, at);
  seedBranding(ctx, environmentId, entry, at);
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
  if (typeof document !== "object" || document === null || Array.isArray(document)) {
    throw new SeedError("document", "must be an object");
  }
  const root = document as JsonObject;
  checkEntry("document", root, { environments: list });
  return ctx.db.transaction(() => ({
    environments: seedEntries(root, "environments", "document").map(({ entry }, index) =>
      seedEnvironment(ctx, entry, `environments[${index}]`),
    ),
  }))();
}

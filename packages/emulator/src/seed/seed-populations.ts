import type { EmulatorContext } from "../context.js";
import { uniquenessViolation } from "../domain/errors.js";
import type { JsonObject, ObjectSpec } from "../domain/validation.js";
import {
  findPopulationByName,
  insertPopulation,
  type PopulationFields,
  updatePopulation,
} from "../store/populations.js";
import { findIdByIdOrName } from "../store/references.js";
import { checkEntry, SEED_TEXT, SeedError, seedStep } from "./seed-entries.js";

/** A seed population; `passwordPolicy` names a policy (`Standard`, `Passphrase`, `Basic`) or gives its id. */
const POPULATION_SPEC: ObjectSpec = {
  id: SEED_TEXT,
  name: SEED_TEXT,
  description: SEED_TEXT,
  default: { kind: "boolean" },
  alternativeIdentifiers: { kind: "stringArray" },
  passwordPolicy: SEED_TEXT,
};

/** Checks every population entry; before provisioning, which already uses the default's name and id. */
export function checkPopulations(populations: readonly { entry: JsonObject; at: string }[]): void {
  for (const { entry, at } of populations) checkEntry(at, entry, POPULATION_SPEC, ["name"]);
}

/** A checked population entry resolved to the fields of the populations table. */
function seedPopulationFields(
  ctx: EmulatorContext,
  environmentId: string,
  entry: JsonObject,
  at: string,
): PopulationFields {
  const policy = entry.passwordPolicy as string | undefined;
  const policyId =
    policy === undefined
      ? null
      : findIdByIdOrName(ctx.db, "password_policies", "name", environmentId, policy);
  if (policyId === undefined) throw new SeedError(at, `no password policy "${policy}"`);
  return {
    name: entry.name as string,
    description: (entry.description as string | undefined) ?? null,
    isDefault: entry.default === true,
    alternativeIdentifiers: (entry.alternativeIdentifiers as string[] | undefined) ?? [],
    passwordPolicyId: policyId,
    themeId: null,
    preferredLanguage: null,
  };
}

/**
 * The environment's (checked) populations: the `default: true` entry describes the default population
 * that provisioning created; the others are added, each name once.
 */
export function seedPopulations(
  ctx: EmulatorContext,
  environmentId: string,
  populations: readonly { entry: JsonObject; at: string }[],
  defaultPopulation: { id: string; entry: JsonObject | undefined },
): void {
  const now = ctx.clock.now();
  for (const { entry, at } of populations) {
    const fields = seedPopulationFields(ctx, environmentId, entry, at);
    if (entry === defaultPopulation.entry) {
      updatePopulation(ctx.db, defaultPopulation.id, environmentId, fields, now);
      continue;
    }
    seedStep(at, () => {
      const clash = findPopulationByName(ctx.db, environmentId, fields.name);
      if (clash !== undefined) throw uniquenessViolation("name", clash.id);
    });
    insertPopulation(ctx.db, environmentId, fields, now, entry.id as string | undefined);
  }
}

import type { EmulatorContext } from "../context.js";
import { createGateway } from "../domain/gateways.js";
import type { JsonObject } from "../domain/validation.js";
import { findIdByIdOrName } from "../store/references.js";
import {
  checkEntry,
  presentKeys,
  SEED_TEXT,
  SeedError,
  seedEntries,
  seedId,
  seedStep,
} from "./seed-entries.js";

/**
 * An environment's `gateways` in a seed file: each entry is the body of `POST P/gateways` plus an
 * optional stable `id`; a user type's `newUserLookup.population.id` may name the population instead.
 * Loaded before the users, so seeded users can link to them (`password.external.gateway`).
 */
export function seedGateways(
  ctx: EmulatorContext,
  environmentId: string,
  seed: JsonObject,
  where: string,
): void {
  for (const { entry, at } of seedEntries(seed, "gateways", where)) {
    checkEntry(at, presentKeys(entry, ["id"]), { id: SEED_TEXT });
    const { id, ...body } = entry;
    if (Array.isArray(body.userTypes)) {
      body.userTypes = body.userTypes.map((userType: unknown, index: number) =>
        withPopulationId(ctx, environmentId, userType, `${at}.userTypes[${index}]`),
      );
    }
    seedStep(at, () => createGateway(ctx, environmentId, body, seedId(entry)));
  }
}

/** Resolves a population name in `newUserLookup.population.id`; anything else is left to the API's checks. */
function withPopulationId(
  ctx: EmulatorContext,
  environmentId: string,
  userType: unknown,
  at: string,
): unknown {
  const lookup = (userType as { newUserLookup?: { population?: { id?: unknown } } } | null)?.newUserLookup;
  const reference = lookup?.population?.id;
  if (typeof reference !== "string" || reference === "") return userType;
  const populationId = findIdByIdOrName(ctx.db, "populations", "name", environmentId, reference);
  if (populationId === undefined) throw new SeedError(at, `no population "${reference}"`);
  const resolved = userType as JsonObject & { newUserLookup: JsonObject };
  return { ...resolved, newUserLookup: { ...resolved.newUserLookup, population: { id: populationId } } };
}

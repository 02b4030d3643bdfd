import type { EmulatorContext } from "../context.js";
import { createUser, parseNewUser } from "../domain/create-user.js";
import type { JsonObject, ObjectSpec } from "../domain/validation.js";
import { findIdByIdOrName } from "../store/references.js";
import { updateUserColumns } from "../store/users.js";
import {
  checkEntry,
  presentKeys,
  referenceIn,
  SEED_TEXT,
  SeedError,
  seedId,
  seedStep,
} from "./seed-entries.js";

/** Keys PingOne sets through separate calls, a seed sets directly. `population` is checked as a reference. */
const SEED_ONLY_KEYS = ["id", "population", "enabled", "account"] as const;

const USER_SEED_SPEC: ObjectSpec = {
  id: SEED_TEXT,
  enabled: { kind: "boolean" },
  account: {
    kind: "object",
    fields: {
      status: { kind: "string", allowed: ["OK", "LOCKED"] },
      unlockAt: { kind: "string", format: "date-time" },
    },
  },
};

/**
 * A seed user: the body of a `user.import+json` create plus the seed-only keys. Clear-text passwords
 * must satisfy the population's policy, as on import.
 */
export function seedUser(ctx: EmulatorContext, environmentId: string, entry: JsonObject, at: string): void {
  const { id: _id, population: _population, enabled, account, ...body } = entry;
  const { population: _reference, ...seedOnly } = presentKeys(entry, SEED_ONLY_KEYS);
  checkEntry(at, seedOnly, USER_SEED_SPEC);
  const populationReference = seedStep(at, () => referenceIn(entry, "population"));
  if (populationReference !== undefined) {
    const populationId = findIdByIdOrName(ctx.db, "populations", "name", environmentId, populationReference);
    if (populationId === undefined) throw new SeedError(at, `no population "${populationReference}"`);
    body.population = { id: populationId };
  }
  const request = seedStep(at, () => parseNewUser(ctx.db, environmentId, body, "import"));
  const user = seedStep(at, () => createUser(ctx, environmentId, request, seedId(entry)));
  const now = ctx.clock.now();
  if (enabled === false) updateUserColumns(ctx.db, user.id, { enabled: 0 }, now);
  const lock = account as { status?: string; unlockAt?: string } | undefined;
  if (lock?.status === "LOCKED") {
    const unlockAt = lock.unlockAt === undefined ? null : Date.parse(lock.unlockAt);
    updateUserColumns(
      ctx.db,
      user.id,
      { account_status: "LOCKED", account_locked_at: now, account_unlock_at: unlockAt },
      now,
    );
  }
}

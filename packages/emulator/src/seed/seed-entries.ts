import { ErrorMessages } from "../domain/error-messages.js";
import { DomainError, invalidData } from "../domain/errors.js";
import { assertValid, type JsonObject, type ObjectSpec } from "../domain/validation.js";

/** A seed file PingOne (or the format) would refuse; the message names the entry, never a secret. */
export class SeedError extends Error {
  constructor(where: string, problem: string) {
    super(`Seed ${where}: ${problem}`);
    this.name = "SeedError";
  }
}

/**
 * Runs a step on the entry at `at`: whatever the rules refuse (the same checks as the matching API
 * call, or a seed entry's own spec) becomes a SeedError naming the entry, e.g.
 * `Seed environments[0].users[2]: email is required`.
 */
export function seedStep<T>(at: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const details = error.details
      .map((detail) => `${detail.target ?? ""} ${detail.message}`.trim())
      .join("; ");
    throw new SeedError(at, details === "" ? error.message : details);
  }
}

/** Checks an entry's own keys against its spec, with the validator every request body goes through. */
export function checkEntry(
  at: string,
  entry: JsonObject,
  spec: ObjectSpec,
  required: readonly string[] = [],
): void {
  seedStep(at, () => assertValid(entry, spec, { required }));
}

/** The entries of the list `key` of `parent`, each with its path (`environments[0].groups[1]`). */
export function seedEntries(
  parent: JsonObject,
  key: string,
  at: string,
): { entry: JsonObject; at: string }[] {
  const list = parent[key];
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new SeedError(`${at}.${key}`, "must be an array");
  return list.map((entry, index) => {
    const where = `${at}.${key}[${index}]`;
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
      throw new SeedError(where, "must be an object");
    }
    return { entry: entry as JsonObject, at: where };
  });
}

/** The keys of `entry` that are present, for checking seed-only keys apart from an API body. */
export function presentKeys(entry: JsonObject, keys: readonly string[]): JsonObject {
  return Object.fromEntries(keys.filter((key) => entry[key] !== undefined).map((key) => [key, entry[key]]));
}

/** A reference by id or name: a string, or `{ "id": … }`. */
export function referenceIn(entry: JsonObject, key: string): string | undefined {
  const value = entry[key];
  if (value === undefined) return undefined;
  const reference = typeof value === "object" && value !== null ? (value as JsonObject).id : value;
  if (typeof reference !== "string" || reference === "") {
    throw invalidData([
      { code: "INVALID_VALUE", target: key, message: ErrorMessages.wrongType("a name or an id") },
    ]);
  }
  return reference;
}

/** A seed entry's `id`: kept when given, so ids stay stable across runs. */
export const seedId = (entry: JsonObject): string => (entry.id as string | undefined) ?? crypto.randomUUID();

/** Strings of the seed entries: present and non-empty. */
export const SEED_TEXT = { kind: "string", minLength: 1 } as const;

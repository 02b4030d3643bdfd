import { PingOneError } from "../http/pingone-error.js";

/** A seed entry PingOne would refuse, or a reference that resolves to nothing; names the entry. */
export class SeedEntryError extends Error {
  constructor(
    readonly where: string,
    readonly problem: string,
  ) {
    super(`Seed ${where}: ${problem}`);
    this.name = "SeedEntryError";
  }
}

export type SeedEntry = Record<string, unknown>;

/** The objects of `container[key]` with their positions (`environments[0].agreements[1]`). */
export function seedEntries(
  container: SeedEntry,
  key: string,
  where: string,
): { entry: SeedEntry; at: string }[] {
  const list = container[key];
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new SeedEntryError(`${where}.${key}`, "must be an array");
  return list.map((entry, index) => {
    const at = `${where}.${key}[${index}]`;
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
      throw new SeedEntryError(at, "must be an object");
    }
    return { entry: entry as SeedEntry, at };
  });
}

/** `entry[key]` as a non-empty string, or undefined when absent. */
export function optionalSeedText(entry: SeedEntry, key: string, at: string): string | undefined {
  const value = entry[key];
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value === "")
    throw new SeedEntryError(at, `"${key}" must be a non-empty string`);
  return value;
}

/** Runs one PingOne-validated write, turning PingOne's 4xx into a seed error that names the entry. */
export function seedStep<T>(at: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof PingOneError) {
      const details = error.details.map((d) => `${d.target ?? ""} ${d.message}`.trim()).join("; ");
      throw new SeedEntryError(at, details === "" ? error.message : details);
    }
    throw error;
  }
}

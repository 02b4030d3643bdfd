import type { EmulatorContext } from "../context.js";
import type { FieldSpec, JsonObject, ObjectSpec } from "../domain/validation.js";
import {
  insertSession,
  MAX_SESSION_LOCATIONS,
  type NameVersion,
  type SessionLocation,
} from "../store/sessions.js";
import { checkEntry, SEED_TEXT, seedId } from "./seed-entries.js";

const instant: FieldSpec = { kind: "string", format: "date-time" };
const nameVersion: FieldSpec = {
  kind: "object",
  fields: { name: { kind: "string" }, version: { kind: "string" } },
};

const SESSION_SPEC: ObjectSpec = {
  id: SEED_TEXT,
  user: SEED_TEXT,
  createdAt: instant,
  activeAt: instant,
  lastSignOnAt: instant,
  remoteIp: SEED_TEXT,
  userAgent: SEED_TEXT,
  browser: nameVersion,
  operatingSystem: nameVersion,
  deviceType: SEED_TEXT,
  locations: { kind: "objectArray", maxItems: MAX_SESSION_LOCATIONS },
};

const LOCATION_SPEC: ObjectSpec = {
  at: instant,
  remoteIp: SEED_TEXT,
  city: SEED_TEXT,
  state: SEED_TEXT,
  region: SEED_TEXT,
  country: SEED_TEXT,
};

const epochMs = (value: unknown, fallback: number): number =>
  typeof value === "string" ? Date.parse(value) : fallback;

function locationsOf(entry: JsonObject, at: string, fallbackAt: number): SessionLocation[] {
  const locations = (entry.locations as JsonObject[] | undefined) ?? [];
  return locations.map((location, index) => {
    checkEntry(`${at}.locations[${index}]`, location, LOCATION_SPEC);
    const { at: when, ...where } = location as Omit<SessionLocation, "at"> & { at?: string };
    return { at: epochMs(when, fallbackAt), ...where };
  });
}

/**
 * Seeded sessions (sign-ons the management API cannot make): timestamps default to the emulator clock,
 * and a user keeps only the newest 10. `userOf` resolves the entry's user reference.
 */
export function seedSessions(
  ctx: EmulatorContext,
  environmentId: string,
  sessions: readonly { entry: JsonObject; at: string }[],
  userOf: (reference: string, at: string) => string,
): void {
  for (const { entry, at } of sessions) {
    checkEntry(at, entry, SESSION_SPEC, ["user"]);
    const userId = userOf(entry.user as string, at);
    const createdAt = epochMs(entry.createdAt, ctx.clock.now());
    insertSession(ctx.db, {
      id: seedId(entry),
      environmentId,
      userId,
      createdAt,
      activeAt: epochMs(entry.activeAt, createdAt),
      lastSignOnAt: epochMs(entry.lastSignOnAt, createdAt),
      lastSignOnRemoteIp: (entry.remoteIp as string | undefined) ?? null,
      locations: locationsOf(entry, at, createdAt),
      browser: (entry.browser as NameVersion | undefined) ?? null,
      operatingSystem: (entry.operatingSystem as NameVersion | undefined) ?? null,
      deviceType: (entry.deviceType as string | undefined) ?? null,
      userAgent: (entry.userAgent as string | undefined) ?? null,
    });
  }
}

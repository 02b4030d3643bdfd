import type { EmulatorContext } from "../context.js";
import { findPasswordPolicy } from "../store/password-policies.js";
import {
  countPopulationUsers,
  deletePopulation,
  findPopulation,
  findPopulationByName,
  insertPopulation,
  type PopulationFields,
  type PopulationRow,
  updatePopulation,
} from "../store/populations.js";
import { ErrorMessages } from "./error-messages.js";
import { invalidData, orNotFound, requestFailed, uniquenessViolation } from "./errors.js";
import { assertValid, type JsonObject, type ObjectSpec } from "./validation.js";

const READ_ONLY = { kind: "readOnly" } as const;

/** The writable attributes of a population (docs/emulator.md#populations). */
const POPULATION_SPEC: ObjectSpec = {
  name: { kind: "string", minLength: 1, maxLength: 256 },
  description: { kind: "string", maxLength: 1024 },
  default: { kind: "boolean" },
  alternativeIdentifiers: { kind: "stringArray", maxItems: 100 },
  passwordPolicy: { kind: "object", fields: { id: { kind: "string", minLength: 1 } }, required: ["id"] },
  theme: { kind: "object", fields: { id: { kind: "string", minLength: 1 } } },
  preferredLanguage: { kind: "string", minLength: 1, maxLength: 64 },
  id: READ_ONLY,
  environment: READ_ONLY,
  userCount: READ_ONLY,
  createdAt: READ_ONLY,
  updatedAt: READ_ONLY,
  _links: READ_ONLY,
};

function fieldsFromBody(body: JsonObject): PopulationFields {
  assertValid(body, POPULATION_SPEC, { required: ["name"] });
  return {
    name: body.name as string,
    description: (body.description as string | null | undefined) ?? null,
    isDefault: body.default === true,
    alternativeIdentifiers: (body.alternativeIdentifiers as string[] | null | undefined) ?? [],
    passwordPolicyId: (body.passwordPolicy as { id: string } | null | undefined)?.id ?? null,
    themeId: (body.theme as { id?: string } | null | undefined)?.id ?? null,
    preferredLanguage: (body.preferredLanguage as string | null | undefined) ?? null,
  };
}

/** The policy must exist in the environment and the name must be free (compared ignoring case). */
function assertFieldsUsable(
  ctx: EmulatorContext,
  environmentId: string,
  fields: PopulationFields,
  selfId: string | undefined,
): void {
  if (
    fields.passwordPolicyId !== null &&
    findPasswordPolicy(ctx.db, environmentId, fields.passwordPolicyId) === undefined
  ) {
    throw invalidData([
      { code: "INVALID_VALUE", target: "passwordPolicy.id", message: ErrorMessages.unknownPasswordPolicy },
    ]);
  }
  const sameName = findPopulationByName(ctx.db, environmentId, fields.name);
  if (sameName !== undefined && sameName.id !== selfId) throw uniquenessViolation("name", sameName.id);
}

/** The population named in the path, or 404. */
export function loadPopulation(
  ctx: EmulatorContext,
  environmentId: string,
  populationId: string,
): PopulationRow {
  return orNotFound(findPopulation(ctx.db, environmentId, populationId));
}

/** `POST P/populations`; a new default takes the flag from the previous one. */
export function createPopulation(
  ctx: EmulatorContext,
  environmentId: string,
  body: JsonObject,
): PopulationRow {
  const fields = fieldsFromBody(body);
  return ctx.db.transaction(() => {
    assertFieldsUsable(ctx, environmentId, fields, undefined);
    const id = insertPopulation(ctx.db, environmentId, fields, ctx.clock.now());
    return loadPopulation(ctx, environmentId, id);
  })();
}

/**
 * `PUT P/populations/{id}`. The default flag moves to another population; it cannot be dropped from the
 * only default, and leaving `default` out keeps it.
 */
export function replacePopulation(
  ctx: EmulatorContext,
  environmentId: string,
  populationId: string,
  body: JsonObject,
): PopulationRow {
  const fields = fieldsFromBody(body);
  return ctx.db.transaction(() => {
    const existing = loadPopulation(ctx, environmentId, populationId);
    const keepDefault = existing.is_default === 1 && body.default === undefined;
    if (existing.is_default === 1 && body.default === false) {
      throw invalidData([
        { code: "INVALID_VALUE", target: "default", message: "make another population the default instead" },
      ]);
    }
    assertFieldsUsable(ctx, environmentId, fields, existing.id);
    const isDefault = fields.isDefault || keepDefault;
    updatePopulation(ctx.db, existing.id, environmentId, { ...fields, isDefault }, ctx.clock.now());
    return loadPopulation(ctx, environmentId, existing.id);
  })();
}

/** `DELETE P/populations/{id}`: never the default population, never one that holds users. */
export function removePopulation(ctx: EmulatorContext, environmentId: string, populationId: string): void {
  ctx.db.transaction(() => {
    const existing = loadPopulation(ctx, environmentId, populationId);
    if (existing.is_default === 1) {
      throw requestFailed(ErrorMessages.defaultPopulationDelete, [
        { code: "CONSTRAINT_VIOLATION", target: "default", message: ErrorMessages.defaultPopulationDelete },
      ]);
    }
    if (countPopulationUsers(ctx.db, existing.id) > 0) {
      throw requestFailed(ErrorMessages.populationHasUsers, [
        { code: "CONSTRAINT_VIOLATION", target: "userCount", message: ErrorMessages.populationHasUsers },
      ]);
    }
    deletePopulation(ctx.db, existing.id);
  })();
}

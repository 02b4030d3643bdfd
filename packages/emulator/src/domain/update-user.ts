import type { EmulatorContext } from "../context.js";
import { findPopulation } from "../store/populations.js";
import { deleteUser, type UserColumnChanges, type UserRow, updateUserColumns } from "../store/users.js";
import { assertUsernameFree, declaredCustomAttributes, loadUser } from "./create-user.js";
import { ErrorMessages } from "./error-messages.js";
import { invalidData } from "./errors.js";
import { customAttributeValues, profileColumns, userBodySpec } from "./user-attributes.js";
import { assertValid, type JsonObject } from "./validation.js";

/** PUT and PATCH cannot move a user: that is `PUT …/population`. Sending the current one is fine. */
function assertPopulationUnchanged(body: JsonObject, user: UserRow): void {
  const requested = (body.population as { id?: string } | null | undefined)?.id;
  if (requested !== undefined && requested !== user.population_id) {
    throw invalidData([
      {
        code: "INVALID_VALUE",
        target: "population.id",
        message: "can only be changed with PUT …/users/{id}/population",
      },
    ]);
  }
}

/** A new email address is not verified, whatever the old one was. */
function emailVerificationChange(body: JsonObject, user: UserRow): UserColumnChanges {
  if (!("email" in body)) return {};
  const email = body.email as string | null;
  return email?.toLowerCase() === user.email?.toLowerCase() ? {} : { email_verified: 0 };
}

/**
 * `PUT` ("replace": attributes not sent are cleared) or `PATCH` ("merge": `null` clears, nested
 * objects merge key by key) of a user's profile. Validates before writing; call outside a transaction.
 */
export function updateUserProfile(
  ctx: EmulatorContext,
  environmentId: string,
  userId: string,
  body: JsonObject,
  mode: "replace" | "merge",
): UserRow {
  const { db, clock } = ctx;
  const declared = declaredCustomAttributes(db, environmentId);
  const required =
    mode === "replace" ? ["username", "email"] : ["username", "email"].filter((name) => name in body);
  assertValid(body, userBodySpec(mode === "replace" ? "replace" : "patch"), {
    required,
    extraStringAttributes: declared,
  });
  return db.transaction(() => {
    const user = loadUser(db, environmentId, userId);
    assertPopulationUnchanged(body, user);
    if (typeof body.username === "string") assertUsernameFree(ctx, environmentId, body.username, user.id);
    const current = JSON.parse(user.custom_attributes) as Record<string, unknown>;
    const changes: UserColumnChanges = {
      ...profileColumns(body, mode),
      ...emailVerificationChange(body, user),
      custom_attributes: JSON.stringify(customAttributeValues(body, declared, current, mode)),
    };
    updateUserColumns(db, user.id, changes, clock.now());
    return loadUser(db, environmentId, user.id);
  })();
}

/** `PUT …/population`: the only way to move a user to another population of the environment. */
export function moveUserToPopulation(
  ctx: EmulatorContext,
  environmentId: string,
  userId: string,
  populationId: string,
): UserRow {
  const user = loadUser(ctx.db, environmentId, userId);
  if (findPopulation(ctx.db, environmentId, populationId) === undefined) {
    throw invalidData([{ code: "INVALID_VALUE", target: "id", message: ErrorMessages.unknownPopulation }]);
  }
  updateUserColumns(ctx.db, user.id, { population_id: populationId }, ctx.clock.now());
  return loadUser(ctx.db, environmentId, user.id);
}

/** `PUT …/enabled`. */
export function setUserEnabled(
  ctx: EmulatorContext,
  environmentId: string,
  userId: string,
  enabled: boolean,
): UserRow {
  const user = loadUser(ctx.db, environmentId, userId);
  updateUserColumns(ctx.db, user.id, { enabled: enabled ? 1 : 0 }, ctx.clock.now());
  return loadUser(ctx.db, environmentId, user.id);
}

/** `PUT …/mfaEnabled`: the one way to change it after the create (PATCH and PUT of the user refuse it). */
export function setUserMfaEnabled(
  ctx: EmulatorContext,
  environmentId: string,
  userId: string,
  mfaEnabled: boolean,
): UserRow {
  const user = loadUser(ctx.db, environmentId, userId);
  updateUserColumns(ctx.db, user.id, { mfa_enabled: mfaEnabled ? 1 : 0 }, ctx.clock.now());
  return loadUser(ctx.db, environmentId, user.id);
}

/** `DELETE P/users/{id}`: its memberships, links, sessions and assignments go with it. */
export function removeUser(ctx: EmulatorContext, environmentId: string, userId: string): void {
  deleteUser(ctx.db, loadUser(ctx.db, environmentId, userId).id);
}

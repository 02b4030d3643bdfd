import type { EmulatorContext } from "../context.js";
import type { EmulatorDatabase } from "../store/database.js";
import { customUserAttributes, findEnvironment } from "../store/environments.js";
import { findDefaultPopulation, findPopulation } from "../store/populations.js";
import {
  findUser,
  findUserIdByUsername,
  insertUser,
  type UserColumnChanges,
  type UserRow,
} from "../store/users.js";
import { ErrorMessages } from "./error-messages.js";
import { invalidData, orNotFound, uniquenessViolation } from "./errors.js";
import { resolveNewGatewayLink } from "./gateway-links.js";
import { GatewayMessages } from "./gateway-messages.js";
import { profileValuesOf } from "./password-policy.js";
import { policyOfPopulation } from "./password-policy-of.js";
import { storedPasswordFor } from "./password-value.js";
import { customAttributeValues, profileColumns, userBodySpec } from "./user-attributes.js";
import { type ImportPassword, parseImportPassword } from "./user-import.js";
import { sendVerificationCode } from "./user-verification.js";
import { assertValid, type JsonObject } from "./validation.js";

/** The custom attribute names the environment's user schema declares. */
export function declaredCustomAttributes(db: EmulatorDatabase, environmentId: string): string[] {
  const environment = findEnvironment(db, environmentId);
  return environment === undefined ? [] : customUserAttributes(environment);
}

/** Loads a user of the environment or throws 404. */
export function loadUser(db: EmulatorDatabase, environmentId: string, userId: string): UserRow {
  return orNotFound(findUser(db, environmentId, userId));
}

/** Usernames are unique per environment, compared without case. */
export function assertUsernameFree(
  ctx: EmulatorContext,
  environmentId: string,
  username: string,
  selfId?: string,
): void {
  const holder = findUserIdByUsername(ctx.db, environmentId, username);
  if (holder !== undefined && holder !== selfId) {
    throw uniquenessViolation("username", holder);
  }
}

function resolvePopulationId(db: EmulatorDatabase, environmentId: string, body: JsonObject): string {
  const requested = (body.population as { id?: string } | null | undefined)?.id;
  if (requested !== undefined) {
    if (findPopulation(db, environmentId, requested) === undefined) {
      throw invalidData([
        { code: "INVALID_VALUE", target: "population.id", message: ErrorMessages.unknownPopulation },
      ]);
    }
    return requested;
  }
  const fallback = findDefaultPopulation(db, environmentId);
  if (fallback === undefined) {
    throw invalidData([
      { code: "REQUIRED_VALUE", target: "population.id", message: ErrorMessages.requiredValue },
    ]);
  }
  return fallback.id;
}

/** A create (`application/json`) or import (`user.import+json`) body, validated and split up. */
export interface NewUserRequest {
  kind: "create" | "import";
  body: JsonObject;
  /** The body without `password`. */
  profile: JsonObject;
  declared: string[];
  password?: ImportPassword;
}

/** Validates a new user's body (no writes); throws 400 INVALID_DATA with a detail per problem. */
export function parseNewUser(
  db: EmulatorDatabase,
  environmentId: string,
  body: JsonObject,
  kind: "create" | "import",
): NewUserRequest {
  const declared = declaredCustomAttributes(db, environmentId);
  const { password: rawPassword, ...profile } = body;
  if (kind === "create" && rawPassword !== undefined) {
    throw invalidData([
      { code: "INVALID_VALUE", target: "password", message: ErrorMessages.readOnlyAttribute },
    ]);
  }
  assertValid(profile, userBodySpec(kind), {
    required: ["username", "email"],
    extraStringAttributes: declared,
  });
  const request: NewUserRequest = { kind, body, profile, declared };
  const password = kind === "import" ? parseImportPassword(rawPassword) : undefined;
  if (password !== undefined) request.password = password;
  return request;
}

/** The columns only an import sets: verification, lifecycle, identity provider and password. */
function importColumns(
  ctx: EmulatorContext,
  environmentId: string,
  populationId: string,
  request: NewUserRequest,
  now: number,
): UserColumnChanges {
  const { db } = ctx;
  const { body, profile, password } = request;
  const lifecycle = body.lifecycle as { status?: string } | undefined;
  const identityProvider = body.identityProvider as { id?: string; type?: string } | undefined;
  const extra: UserColumnChanges = {};
  if (body.emailVerified === true) extra.email_verified = 1;
  if (lifecycle?.status !== undefined) extra.lifecycle_status = lifecycle.status;
  if (identityProvider?.id !== undefined) extra.identity_provider_id = identityProvider.id;
  if (identityProvider?.type !== undefined) extra.identity_provider_type = identityProvider.type;
  if (password?.externalGateway !== undefined) {
    const at = "password.external.gateway";
    const { link, userType } = resolveNewGatewayLink(ctx, environmentId, password.externalGateway, at);
    // The directory holds an LDAP-authority user's password; a value as well would contradict it.
    if (userType.passwordAuthority === "LDAP" && password.value !== undefined) {
      throw invalidData([
        { code: "INVALID_VALUE", target: "password.value", message: GatewayMessages.valueWithLdapAuthority },
      ]);
    }
    extra.password_external_gateway = JSON.stringify(link);
    extra.password_status = "EXTERNAL";
  }
  if (password?.value !== undefined) {
    extra.password_hash = storedPasswordFor(password.value, {
      field: "password",
      policyTarget: "password",
      rules: policyOfPopulation(db, environmentId, populationId).rules,
      context: { profileValues: profileValuesOf(profile) },
    }).stored;
    extra.password_status = password.forceChange ? "MUST_CHANGE_PASSWORD" : "OK";
    extra.password_must_change = password.forceChange ? 1 : 0;
    extra.password_last_changed_at = now;
  }
  return extra;
}

/**
 * Creates the user of a parsed request: uniqueness, population, password policy, import extras and
 * the verification email of an imported VERIFICATION_REQUIRED user. Call inside a write transaction.
 */
export function createUser(
  ctx: EmulatorContext,
  environmentId: string,
  request: NewUserRequest,
  id: string = crypto.randomUUID(),
): UserRow {
  const { db } = ctx;
  const { body, profile } = request;
  const now = ctx.clock.now();
  assertUsernameFree(ctx, environmentId, body.username as string);
  const populationId = resolvePopulationId(db, environmentId, body);
  const extra =
    request.kind === "import" ? importColumns(ctx, environmentId, populationId, request, now) : {};
  insertUser(
    db,
    {
      ...profileColumns(profile, "replace"),
      ...extra,
      id,
      environment_id: environmentId,
      population_id: populationId,
      username: body.username as string,
      custom_attributes: JSON.stringify(customAttributeValues(body, request.declared, {}, "replace")),
    },
    now,
  );
  const lifecycle = body.lifecycle as { status?: string; suppressVerificationCode?: boolean } | undefined;
  const email = body.email as string | undefined;
  if (
    request.kind === "import" &&
    lifecycle?.status === "VERIFICATION_REQUIRED" &&
    lifecycle.suppressVerificationCode !== true &&
    email !== undefined
  ) {
    sendVerificationCode(db, { id, environment_id: environmentId, email }, now);
  }
  return loadUser(db, environmentId, id);
}

import type { EmulatorContext } from "../context.js";
import {
  type CredentialOutcome,
  checkDirectoryCredentials,
  type DirectoryConnection,
  DirectoryUnavailableError,
} from "../ldap/ldap-credential-check.js";
import { isAttributeDescription } from "../ldap/ldap-filters.js";
import { type DirectoryServer, parseHostAndPort } from "../ldap/ldap-servers.js";
import { createSession } from "../store/sessions.js";
import { recordSignOn } from "../store/user-passwords.js";
import { loadUser } from "./create-user.js";
import { ErrorMessages } from "./error-messages.js";
import { type DomainError, requestFailed, unavailable } from "./errors.js";
import { type ResolvedGatewayLink, resolveStoredGatewayLink } from "./gateway-links.js";
import { GatewayMessages } from "./gateway-messages.js";
import type { LdapGateway } from "./gateways.js";
import {
  assertActionAllowed,
  assertActionBody,
  type PasswordState,
  runPasswordAction,
} from "./password-actions.js";
import { PasswordErrors } from "./password-errors.js";
import { hashPassword } from "./password-hash.js";
import { policyOfPopulation } from "./password-policy-of.js";
import { passwordRecordOf, savePasswordRecord } from "./password-record.js";
import {
  failuresRemaining,
  normalizePasswordRecord,
  type PasswordRecord,
  passwordStatusOf,
  recordPasswordFailure,
  recordPasswordSuccess,
  replacePassword,
  secondsUntilUnlock,
} from "./password-state.js";
import type { JsonObject } from "./validation.js";

/**
 * `password.check+json` (docs/emulator-gateways.md#password-checks). A user whose password lives
 * behind an LDAP gateway (linked, and either LDAP authority or no password in PingOne yet) is checked
 * against the gateway's directory; every other user by the password PingOne holds. The answers are
 * the same either way: 200 with the password state, or the password errors with failures counted.
 * The directory is asked outside any transaction; what it answered is then applied in one.
 */
export async function checkPassword(
  ctx: EmulatorContext,
  environmentId: string,
  userId: string,
  body: JsonObject,
): Promise<PasswordState> {
  assertActionBody("check", body);
  const route = gatewayRouteOf(ctx, environmentId, userId);
  if (route === undefined) return runPasswordAction(ctx, environmentId, userId, "check", body);
  const outcome = await askDirectory(ctx, route.gateway, route, body.password as string);
  return applyDirectoryAnswer(ctx, environmentId, userId, outcome, body.password as string);
}

/** The gateway that checks this user's password, or undefined when PingOne's own password does. */
function gatewayRouteOf(
  ctx: EmulatorContext,
  environmentId: string,
  userId: string,
): ResolvedGatewayLink | undefined {
  const now = ctx.clock.now();
  const user = loadUser(ctx.db, environmentId, userId);
  const record = normalizePasswordRecord(passwordRecordOf(user), now);
  if (record.externalGateway === null) return undefined;
  // The same refusals, in the same order, as a check of a password PingOne holds.
  assertActionAllowed(user, "check", now);
  const resolved = resolveStoredGatewayLink(ctx, user.environment_id, record.externalGateway);
  if (resolved === undefined) {
    // A password PingOne holds still works once the gateway is gone; without one nothing can check it.
    if (record.hash !== null) return undefined;
    throw requestFailed(ErrorMessages.badRequest, [
      { code: "INVALID_VALUE", target: "password.external.gateway", message: GatewayMessages.linkGone },
    ]);
  }
  if (record.hash !== null && resolved.userType.passwordAuthority === "PING_ONE") return undefined;
  const { rules } = policyOfPopulation(ctx.db, user.environment_id, user.population_id);
  if (passwordStatusOf(record, rules, now) === "PASSWORD_LOCKED_OUT") {
    throw PasswordErrors.lockedOut(secondsUntilUnlock(record, now));
  }
  return resolved;
}

function connectionOf(gateway: LdapGateway): DirectoryConnection {
  const servers = gateway.settings.serversHostAndPort
    .map(parseHostAndPort)
    .filter((server): server is DirectoryServer => server !== undefined);
  return {
    servers,
    bindDn: gateway.settings.bindDN,
    bindPassword: gateway.secrets.bindPassword,
    security: gateway.settings.connectionSecurity,
    validateCertificates: gateway.settings.validateTlsCertificates,
  };
}

/** What the directory says about the password; SERVICE_UNAVAILABLE when it cannot say anything. */
async function askDirectory(
  ctx: EmulatorContext,
  gateway: LdapGateway,
  { link, userType }: ResolvedGatewayLink,
  password: string,
): Promise<CredentialOutcome> {
  const gatewayUnavailable = (reason: string, message: string) =>
    unavailable(GatewayMessages.gatewayUnavailable, [
      { code: "GATEWAY_UNAVAILABLE", message, innerError: { gatewayId: gateway.id, reason } },
    ]);
  if (!gateway.enabled) throw gatewayUnavailable("DISABLED", GatewayMessages.gatewayDisabled);
  // Names were checked when the link was made; a stored one that is not an attribute finds nobody.
  const names = Object.keys(link.correlationAttributes);
  if (names.length === 0 || !names.every(isAttributeDescription)) return { kind: "noEntry" };
  try {
    return await checkDirectoryCredentials(
      connectionOf(gateway),
      { baseDn: userType.searchBaseDn, attributes: link.correlationAttributes },
      password,
      {
        connectMs: ctx.settings.gatewayConnectTimeoutMs,
        operationMs: ctx.settings.gatewayOperationTimeoutMs,
      },
    );
  } catch (error) {
    if (error instanceof DirectoryUnavailableError) throw gatewayUnavailable(error.reason, error.message);
    throw error;
  }
}

/**
 * Applies the directory's answer in one transaction, to the user as it is now: a match resets the
 * failures, signs the user on and (PING_ONE authority) migrates the password; anything else counts as
 * a wrong password and is committed before the error is answered.
 */
function applyDirectoryAnswer(
  ctx: EmulatorContext,
  environmentId: string,
  userId: string,
  outcome: CredentialOutcome,
  password: string,
): PasswordState {
  const { state, error } = ctx.db.transaction(() => {
    const now = ctx.clock.now();
    const user = loadUser(ctx.db, environmentId, userId);
    const { policy, rules } = policyOfPopulation(ctx.db, user.environment_id, user.population_id);
    const record = normalizePasswordRecord(passwordRecordOf(user), now);
    if (passwordStatusOf(record, rules, now) === "PASSWORD_LOCKED_OUT") {
      // Other checks locked the password out while the directory answered.
      return { state: undefined, error: PasswordErrors.lockedOut(secondsUntilUnlock(record, now)) };
    }
    let next: PasswordRecord;
    let changed = false;
    let failure: DomainError | undefined;
    if (outcome.kind === "valid") {
      next = recordPasswordSuccess(record, now);
      const authority = resolveStoredGatewayLink(ctx, user.environment_id, record.externalGateway)?.userType
        .passwordAuthority;
      if (
        authority === "PING_ONE" &&
        next.hash === null &&
        ctx.settings.gatewayPasswordMigration === "onCheck"
      ) {
        // The directory vouched for the password; PingOne stores it as given, without its policy.
        next = replacePassword(next, hashPassword(password), rules, now, { mustChange: false });
        changed = true;
      }
      createSession(ctx.db, { environmentId: user.environment_id, userId: user.id, now });
      recordSignOn(ctx.db, user.id, now);
    } else {
      next = recordPasswordFailure(record, rules, now);
      failure = PasswordErrors.wrongPassword(failuresRemaining(next, rules, now));
    }
    savePasswordRecord(ctx.db, user.id, next, changed ? now : undefined);
    return { state: { user, record: next, policy, rules, now }, error: failure };
  })();
  if (error !== undefined) throw error;
  return state as PasswordState;
}

import type { Context } from "hono";
import { toIsoTimestamp } from "../clock.js";
import { asGatewayLink } from "../domain/gateway-links.js";
import type { PasswordState } from "../domain/password-actions.js";
import type { PasswordPolicyRules } from "../domain/password-policy.js";
import {
  EXPIRY_WARNING_DAYS,
  failuresRemaining,
  noChangeUntil,
  normalizePasswordRecord,
  type PasswordRecord,
  passwordExpiresAt,
  passwordStatusOf,
  secondsUntilUnlock,
} from "../domain/password-state.js";
import { links } from "../http/hal.js";
import type { PasswordPolicyRow } from "../store/password-policies.js";

const DAY_MS = 86_400_000;

/** The PasswordPolicy resource as `expand=passwordPolicy` embeds it (community `PasswordPolicy`). */
export function toPasswordPolicyResource(c: Context, row: PasswordPolicyRow): Record<string, unknown> {
  return {
    _links: links(c, {
      self: `/environments/${row.environment_id}/passwordPolicies/${row.id}`,
      environment: `/environments/${row.environment_id}`,
    }),
    id: row.id,
    environment: { id: row.environment_id },
    name: row.name,
    ...(row.description === null ? {} : { description: row.description }),
    default: row.is_default === 1,
    ...(JSON.parse(row.policy) as PasswordPolicyRules),
    createdAt: toIsoTimestamp(row.created_at),
    updatedAt: toIsoTimestamp(row.updated_at),
  };
}

/** `warnings`: expiry within the warning window, the minimum age, failures counted so far. */
function passwordWarnings(
  record: PasswordRecord,
  rules: PasswordPolicyRules,
  now: number,
  remaining: number | undefined,
): Record<string, unknown> {
  const warnings: Record<string, unknown> = {};
  if (record.hash !== null) {
    const expiresAt = passwordExpiresAt(record, rules);
    if (expiresAt !== undefined && now < expiresAt && expiresAt - now <= EXPIRY_WARNING_DAYS * DAY_MS) {
      warnings.expires = toIsoTimestamp(expiresAt);
    }
    const changeAllowedAt = noChangeUntil(record, rules, now);
    if (changeAllowedAt !== undefined) warnings.noChangeUntil = toIsoTimestamp(changeAllowedAt);
  }
  const status = passwordStatusOf(record, rules, now);
  if (status !== "PASSWORD_LOCKED_OUT" && record.failureCount > 0 && remaining !== undefined) {
    warnings.failuresRemaining = remaining;
  }
  return warnings;
}

/**
 * The password state of `GET P/users/{id}/password` and of every password action's response
 * (docs/emulator.md#password-state). `warnings` appears only when one of its members applies;
 * `external.gateway` only for a user linked to a gateway.
 */
export function toPasswordStateResource(
  c: Context,
  state: PasswordState,
  expandPolicy: boolean,
): Record<string, unknown> {
  const { user, policy, rules, now } = state;
  const record = normalizePasswordRecord(state.record, now);
  const userPath = `/environments/${user.environment_id}/users/${user.id}`;
  const relations: Record<string, string> = {
    self: `${userPath}/password`,
    environment: `/environments/${user.environment_id}`,
    user: userPath,
  };
  if (policy !== undefined) {
    relations.passwordPolicy = `/environments/${user.environment_id}/passwordPolicies/${policy.id}`;
  }
  const resource: Record<string, unknown> = {
    _links: links(c, relations),
    environment: { id: user.environment_id },
    user: { id: user.id },
    ...(policy === undefined ? {} : { passwordPolicy: { id: policy.id } }),
    status: passwordStatusOf(record, rules, now),
  };
  if (record.lastChangedAt !== null) resource.lastChangedAt = toIsoTimestamp(record.lastChangedAt);
  // The gateway link (unconfirmed: PingOne documents it on the user's password, which GET P/users/{id}
  // never returns; docs/emulator-gateways.md#password-state).
  const link = asGatewayLink(record.externalGateway);
  if (link !== undefined) resource.external = { gateway: link };
  // Failures count for a password PingOne holds and for one the gateway checks.
  const counted = record.hash !== null || link !== undefined;
  const remaining = counted ? failuresRemaining(record, rules, now) : undefined;
  if (remaining !== undefined) resource.failuresRemaining = remaining;
  const unlockIn = secondsUntilUnlock(record, now);
  if (unlockIn !== undefined) resource.secondsUntilUnlock = unlockIn;
  const warnings = passwordWarnings(record, rules, now, remaining);
  if (Object.keys(warnings).length > 0) resource.warnings = warnings;
  if (expandPolicy && policy !== undefined) {
    resource._embedded = { passwordPolicy: toPasswordPolicyResource(c, policy) };
  }
  return resource;
}

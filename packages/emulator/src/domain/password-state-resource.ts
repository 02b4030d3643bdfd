import type { Context } from "hono";
import { toIsoTimestamp } from "../clock.js";
import { links } from "../http/hal.js";
import type { PasswordPolicyRow } from "../store/password-policies.js";
import type { PasswordPolicyRules } from "./password-policy.js";
import {
  EXPIRY_WARNING_DAYS,
  failuresRemaining,
  noChangeUntil,
  normalizePasswordRecord,
  type PasswordRecord,
  passwordExpiresAt,
  passwordStatusOf,
  secondsUntilUnlock,
} from "./password-state.js";

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

/**
 * The password state of `GET P/users/{id}/password` and of every password action's response
 * (pingone-api.md §6.4). `warnings` appears only when one of its members applies.
 */
export function toPasswordStateResource(
  c: Context,
  params: {
    environmentId: string;
    userId: string;
    record: PasswordRecord;
    /** Absent only for an environment seeded without password policies. */
    policy: PasswordPolicyRow | undefined;
    rules: PasswordPolicyRules;
    now: number;
    expandPolicy: boolean;
  },
): Record<string, unknown> {
  const { environmentId, userId, policy, rules, now } = params;
  const record = normalizePasswordRecord(params.record, now);
  const status = passwordStatusOf(record, rules, now);
  const hasPassword = record.hash !== null;
  const userPath = `/environments/${environmentId}/users/${userId}`;
  const relations: Record<string, string> = {
    self: `${userPath}/password`,
    environment: `/environments/${environmentId}`,
    user: userPath,
  };
  if (policy !== undefined)
    relations.passwordPolicy = `/environments/${environmentId}/passwordPolicies/${policy.id}`;
  const state: Record<string, unknown> = {
    _links: links(c, relations),
    environment: { id: environmentId },
    user: { id: userId },
    ...(policy === undefined ? {} : { passwordPolicy: { id: policy.id } }),
    status,
  };
  if (record.lastChangedAt !== null) state.lastChangedAt = toIsoTimestamp(record.lastChangedAt);
  const remaining = hasPassword ? failuresRemaining(record, rules, now) : undefined;
  if (remaining !== undefined) state.failuresRemaining = remaining;
  const unlockIn = secondsUntilUnlock(record, now);
  if (unlockIn !== undefined) state.secondsUntilUnlock = unlockIn;

  const warnings: Record<string, unknown> = {};
  const expiresAt = passwordExpiresAt(record, rules);
  if (
    hasPassword &&
    expiresAt !== undefined &&
    now < expiresAt &&
    expiresAt - now <= EXPIRY_WARNING_DAYS * DAY_MS
  ) {
    warnings.expires = toIsoTimestamp(expiresAt);
  }
  const changeAllowedAt = hasPassword ? noChangeUntil(record, rules, now) : undefined;
  if (changeAllowedAt !== undefined) warnings.noChangeUntil = toIsoTimestamp(changeAllowedAt);
  if (status !== "PASSWORD_LOCKED_OUT" && record.failureCount > 0 && remaining !== undefined) {
    warnings.failuresRemaining = remaining;
  }
  if (Object.keys(warnings).length > 0) state.warnings = warnings;
  if (params.expandPolicy && policy !== undefined)
    state._embedded = { passwordPolicy: toPasswordPolicyResource(c, policy) };
  return state;
}

import type { Context } from "hono";
import { toIsoTimestamp } from "../clock.js";
import { type AccountLockColumns, isAccountLocked } from "../domain/account-lock.js";
import { links } from "../http/hal.js";
import type { UserRow } from "../store/users.js";

type Json = Record<string, unknown>;

/** Copies the non-null columns into a nested object; undefined when all are null. */
function nested(pairs: Record<string, string | null>): Json | undefined {
  const result: Json = {};
  for (const [key, value] of Object.entries(pairs)) if (value !== null) result[key] = value;
  return Object.keys(result).length === 0 ? undefined : result;
}

/** The user's `account` object: `canAuthenticate` is false when locked or disabled. */
function accountView(user: AccountLockColumns, now: number): Record<string, unknown> {
  const locked = isAccountLocked(user, now);
  const account: Record<string, unknown> = {
    canAuthenticate: !locked && user.enabled === 1,
    status: locked ? "LOCKED" : "OK",
  };
  if (locked) {
    if (user.account_locked_at !== null) account.lockedAt = new Date(user.account_locked_at).toISOString();
    if (user.account_unlock_at !== null) {
      account.unlockAt = new Date(user.account_unlock_at).toISOString();
      account.secondsUntilUnlock = Math.max(1, Math.ceil((user.account_unlock_at - now) / 1000));
    }
  }
  return account;
}

/** The relation links of a user; `account.unlock` only while the account is locked. */
function userRelations(user: UserRow, locked: boolean): Record<string, string> {
  const base = `/environments/${user.environment_id}/users/${user.id}`;
  const relations: Record<string, string> = {
    self: base,
    environment: `/environments/${user.environment_id}`,
    population: `/environments/${user.environment_id}/populations/${user.population_id}`,
    password: `${base}/password`,
    "password.reset": `${base}/password`,
    "password.set": `${base}/password`,
    "password.check": `${base}/password`,
    "password.recover": `${base}/password`,
    "account.sendVerificationCode": base,
    linkedAccounts: `${base}/linkedAccounts`,
    memberOfGroups: `${base}/memberOfGroups`,
    roleAssignments: `${base}/roleAssignments`,
    devices: `${base}/devices`,
  };
  if (locked) relations["account.unlock"] = base;
  return relations;
}

/** The attributes a user has only when they hold a value. */
function optionalAttributes(user: UserRow): Record<string, unknown> {
  return {
    email: user.email,
    name: nested({
      given: user.name_given,
      family: user.name_family,
      middle: user.name_middle,
      formatted: user.name_formatted,
      honorificPrefix: user.name_honorific_prefix,
      honorificSuffix: user.name_honorific_suffix,
    }),
    address: nested({
      streetAddress: user.address_street_address,
      locality: user.address_locality,
      region: user.address_region,
      postalCode: user.address_postal_code,
      countryCode: user.address_country_code,
    }),
    photo: nested({ href: user.photo_href }),
    externalId: user.external_id,
    accountId: user.account_id,
    type: user.type,
    title: user.title,
    nickname: user.nickname,
    locale: user.locale,
    preferredLanguage: user.preferred_language,
    timezone: user.timezone,
    primaryPhone: user.primary_phone,
    mobilePhone: user.mobile_phone,
    lastSignOn:
      user.last_sign_on_at === null
        ? undefined
        : nested({ at: toIsoTimestamp(user.last_sign_on_at), remoteIp: user.last_sign_on_remote_ip }),
  };
}

/**
 * A user as PingOne returns it (docs/emulator.md#users): attributes with values, `account`,
 * `lifecycle`, relation links and `account.unlock` while locked. Never the password or codes.
 */
export function toUserResource(c: Context, user: UserRow, now: number): Json {
  const resource: Json = {
    _links: links(c, userRelations(user, isAccountLocked(user, now))),
    id: user.id,
    environment: { id: user.environment_id },
    account: accountView(user, now),
    createdAt: toIsoTimestamp(user.created_at),
    enabled: user.enabled === 1,
    identityProvider:
      user.identity_provider_id === null
        ? { type: user.identity_provider_type }
        : { id: user.identity_provider_id, type: user.identity_provider_type },
    lifecycle: { status: user.lifecycle_status },
    mfaEnabled: user.mfa_enabled === 1,
    emailVerified: user.email_verified === 1,
    population: { id: user.population_id },
    updatedAt: toIsoTimestamp(user.updated_at),
    username: user.username,
    verifyStatus: "NOT_INITIATED",
  };
  for (const [key, value] of Object.entries(optionalAttributes(user))) {
    if (value !== null && value !== undefined) resource[key] = value;
  }
  const custom = JSON.parse(user.custom_attributes) as Json;
  for (const [key, value] of Object.entries(custom)) if (value !== null) resource[key] = value;
  return resource;
}

import type { EmulatorContext } from "../context.js";
import { findIdentityProvider } from "../store/identity-providers.js";
import {
  deleteLinkedAccount,
  findLinkByExternalId,
  findLinkedAccount,
  insertLinkedAccount,
  type LinkedAccountRecord,
  type LinkedAttribute,
} from "../store/linked-accounts.js";
import { requireUser } from "./directory-lookups.js";
import { DirectoryMessages } from "./directory-messages.js";
import { ErrorMessages } from "./error-messages.js";
import { invalidData, orNotFound, type PingOneErrorDetail, uniquenessViolation } from "./errors.js";
import { assertValid, type JsonObject, type ObjectSpec } from "./validation.js";

const LINK_SPEC: ObjectSpec = {
  identityProvider: {
    kind: "object",
    fields: { id: { kind: "string", minLength: 1 } },
    required: ["id"],
  },
  externalId: { kind: "string", minLength: 1, maxLength: 1024 },
  attributes: { kind: "anyObject" },
};

const UPDATE_MODES = ["EMPTY_ONLY", "ALWAYS"] as const;

/** `attributes` maps attribute names to `{value, update?}` (docs/emulator.md#linked-accounts). */
function linkedAttributesFrom(raw: unknown): Record<string, LinkedAttribute> | null {
  if (raw === undefined || raw === null) return null;
  const details: PingOneErrorDetail[] = [];
  const attributes: Record<string, LinkedAttribute> = {};
  for (const [name, entry] of Object.entries(raw as Record<string, unknown>)) {
    const target = `attributes.${name}`;
    if (typeof entry !== "object" || entry === null || Array.isArray(entry) || !("value" in entry)) {
      details.push({
        code: "INVALID_VALUE",
        target,
        message: ErrorMessages.wrongType('an object with a "value"'),
      });
      continue;
    }
    const { value, update, ...unknown } = entry as Record<string, unknown>;
    for (const extra of Object.keys(unknown)) {
      details.push({
        code: "INVALID_VALUE",
        target: `${target}.${extra}`,
        message: ErrorMessages.unknownAttribute,
      });
    }
    if (update !== undefined && !(UPDATE_MODES as readonly unknown[]).includes(update)) {
      details.push({
        code: "INVALID_VALUE",
        target: `${target}.update`,
        message: ErrorMessages.notOneOf,
        innerError: { allowedValues: [...UPDATE_MODES] },
      });
      continue;
    }
    attributes[name] =
      update === undefined ? { value } : { value, update: update as LinkedAttribute["update"] };
  }
  if (details.length > 0) throw invalidData(details);
  return attributes;
}

/**
 * Validates an `account.link+json` body and links the account, as `POST …/linkedAccounts` does; the seed
 * loader uses it too. Call inside a write transaction.
 */
export function createLinkedAccount(
  ctx: EmulatorContext,
  environmentId: string,
  userId: string,
  body: JsonObject,
  id: string = crypto.randomUUID(),
): LinkedAccountRecord {
  assertValid(body, LINK_SPEC, { required: ["identityProvider", "externalId"] });
  const attributes = linkedAttributesFrom(body.attributes);
  const providerId = (body.identityProvider as { id: string }).id;
  const externalId = body.externalId as string;
  const user = requireUser(ctx, environmentId, userId);
  if (findIdentityProvider(ctx.db, environmentId, providerId) === undefined) {
    throw invalidData([
      {
        code: "INVALID_VALUE",
        target: "identityProvider.id",
        message: DirectoryMessages.unknownIdentityProvider,
      },
    ]);
  }
  const existing = findLinkByExternalId(ctx.db, providerId, externalId);
  if (existing !== undefined) throw uniquenessViolation("externalId", existing);
  return insertLinkedAccount(
    ctx.db,
    { environmentId, userId: user.id, identityProviderId: providerId, externalId, attributes },
    ctx.clock.now(),
    id,
  );
}

/** One of the user's links, or 404. */
export function requireLinkedAccount(
  ctx: EmulatorContext,
  environmentId: string,
  userId: string,
  linkId: string,
): LinkedAccountRecord {
  const user = requireUser(ctx, environmentId, userId);
  return orNotFound(findLinkedAccount(ctx.db, user.id, linkId));
}

export function removeLinkedAccount(
  ctx: EmulatorContext,
  environmentId: string,
  userId: string,
  linkId: string,
): void {
  ctx.db.transaction(() =>
    deleteLinkedAccount(ctx.db, requireLinkedAccount(ctx, environmentId, userId, linkId).id),
  )();
}

import type { EmulatorContext } from "../context.js";
import { listAgreementLanguages } from "../store/agreement-languages.js";
import {
  type AgreementFields,
  type AgreementRecord,
  deleteAgreement,
  findAgreement,
  findAgreementIdByName,
  insertAgreement,
  updateAgreement,
} from "../store/agreements.js";
import { AgreementMessages } from "./agreement-messages.js";
import { hasEnabledDefaultLanguage } from "./agreement-rules.js";
import { invalidData, orNotFound, uniquenessViolation } from "./errors.js";
import { assertValid, type JsonObject, type ObjectSpec } from "./validation.js";

const AGREEMENT_SPEC: ObjectSpec = {
  name: { kind: "string", minLength: 1, maxLength: 255 },
  description: { kind: "string", maxLength: 1024 },
  enabled: { kind: "boolean" },
  reconsentPeriodDays: { kind: "number", min: 1 },
  id: { kind: "readOnly" },
  environment: { kind: "readOnly" },
  totalConsents: { kind: "readOnly" },
  totalExpiredConsents: { kind: "readOnly" },
  consentsAggregatedAt: { kind: "readOnly" },
  _links: { kind: "readOnly" },
};

function agreementFields(body: JsonObject): AgreementFields {
  assertValid(body, AGREEMENT_SPEC, { required: ["name", "enabled"] });
  return {
    name: body.name as string,
    description: (body.description as string | null | undefined) ?? null,
    enabled: body.enabled as boolean,
    reconsentPeriodDays: (body.reconsentPeriodDays as number | null | undefined) ?? null,
  };
}

function assertUniqueName(
  ctx: EmulatorContext,
  environmentId: string,
  name: string,
  exceptId?: string,
): void {
  const existing = findAgreementIdByName(ctx.db, environmentId, name, exceptId);
  if (existing !== undefined) throw uniquenessViolation("name", existing);
}

/** Enabling needs content in the environment's default language (PingOne: "Agreement configuration"). */
function assertCanEnable(ctx: EmulatorContext, agreementId: string | undefined): void {
  const languages = agreementId === undefined ? [] : listAgreementLanguages(ctx.db, agreementId);
  if (!hasEnabledDefaultLanguage(languages)) {
    throw invalidData([
      { code: "INVALID_VALUE", target: "enabled", message: AgreementMessages.enableWithoutDefaultLanguage },
    ]);
  }
}

/** Validates a create body and stores the agreement, as `POST P/agreements` does. Call inside a transaction. */
export function createAgreement(
  ctx: EmulatorContext,
  environmentId: string,
  body: JsonObject,
  id: string = crypto.randomUUID(),
): AgreementRecord {
  const fields = agreementFields(body);
  assertUniqueName(ctx, environmentId, fields.name);
  if (fields.enabled) assertCanEnable(ctx, undefined);
  return insertAgreement(ctx.db, environmentId, fields, ctx.clock.now(), id);
}

/** Replaces an agreement's settings, as `PUT P/agreements/{id}` does. Call inside a transaction. */
export function replaceAgreement(
  ctx: EmulatorContext,
  agreement: AgreementRecord,
  body: JsonObject,
): AgreementRecord {
  const fields = agreementFields(body);
  assertUniqueName(ctx, agreement.environmentId, fields.name, agreement.id);
  if (fields.enabled && !agreement.enabled) assertCanEnable(ctx, agreement.id);
  updateAgreement(ctx.db, agreement.id, fields, ctx.clock.now());
  return { ...agreement, ...fields };
}

/** The agreement named in the path, or 404 NOT_FOUND. */
export function requireAgreement(
  ctx: EmulatorContext,
  environmentId: string,
  agreementId: string,
): AgreementRecord {
  return orNotFound(findAgreement(ctx.db, environmentId, agreementId));
}

/** Deletes an agreement with its languages, revisions and consents. */
export function removeAgreement(ctx: EmulatorContext, environmentId: string, agreementId: string): void {
  ctx.db.transaction(() => deleteAgreement(ctx.db, requireAgreement(ctx, environmentId, agreementId).id))();
}

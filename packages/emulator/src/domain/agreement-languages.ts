import type { EmulatorContext } from "../context.js";
import {
  type AgreementLanguageFields,
  type AgreementLanguageRecord,
  type AgreementUserExperience,
  deleteAgreementLanguage,
  findAgreementLanguage,
  findAgreementLanguageIdByLocale,
  insertAgreementLanguage,
  listAgreementLanguages,
  updateAgreementLanguage,
} from "../store/agreement-languages.js";
import { countAgreementRevisions } from "../store/agreement-revisions.js";
import type { AgreementRecord } from "../store/agreements.js";
import { AgreementMessages } from "./agreement-messages.js";
import { hasEnabledDefaultLanguage } from "./agreement-rules.js";
import { invalidData, orNotFound, requestFailed, uniquenessViolation } from "./errors.js";
import { assertValid, type JsonObject, type ObjectSpec } from "./validation.js";

/** A BCP 47 language tag as PingOne's examples use them (`en`, `en-US`, `zh-Hant-TW`). */
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
/** The community spec's pattern for the consent screen texts: letters, marks, digits, spaces, punctuation. */
const SCREEN_TEXT = /^[\p{L}\p{M}\p{N}\p{Zs}\p{P}]+$/u;
const screenText = { kind: "string", maxLength: 255, pattern: SCREEN_TEXT } as const;

const LANGUAGE_SPEC: ObjectSpec = {
  locale: { kind: "string", minLength: 2, maxLength: 35, pattern: LANGUAGE_TAG },
  displayName: { kind: "string", minLength: 1, maxLength: 255 },
  enabled: { kind: "boolean" },
  userExperience: {
    kind: "object",
    fields: { acceptCheckboxText: screenText, continueButtonText: screenText, declineButtonText: screenText },
  },
  id: { kind: "readOnly" },
  environment: { kind: "readOnly" },
  agreement: { kind: "readOnly" },
  currentRevision: { kind: "readOnly" },
  _links: { kind: "readOnly" },
};

function languageFields(body: JsonObject, required: readonly string[]): AgreementLanguageFields {
  assertValid(body, LANGUAGE_SPEC, { required });
  const experience = body.userExperience as Record<string, unknown> | null | undefined;
  let userExperience: AgreementUserExperience | null = null;
  if (experience !== undefined && experience !== null) {
    userExperience = Object.fromEntries(
      Object.entries(experience).filter(([, value]) => typeof value === "string"),
    ) as AgreementUserExperience;
  }
  return {
    locale: body.locale as string,
    displayName: body.displayName as string,
    enabled: body.enabled === true,
    userExperience,
  };
}

function assertUniqueLocale(
  ctx: EmulatorContext,
  agreementId: string,
  locale: string,
  exceptId?: string,
): void {
  const existing = findAgreementLanguageIdByLocale(ctx.db, agreementId, locale, exceptId);
  if (existing !== undefined) throw uniquenessViolation("locale", existing);
}

/** An enabled agreement must keep its default-language content through every language change. */
function assertAgreementKeepsDefaultLanguage(
  agreement: AgreementRecord,
  languagesAfter: readonly { locale: string; enabled: boolean }[],
): void {
  if (agreement.enabled && !hasEnabledDefaultLanguage(languagesAfter)) {
    throw requestFailed(AgreementMessages.defaultLanguageRequired, [
      { code: "CONSTRAINT_VIOLATION", target: "enabled", message: AgreementMessages.defaultLanguageRequired },
    ]);
  }
}

/**
 * Validates a create body and stores the language, as `POST …/languages` does: PingOne creates every
 * language disabled, whatever `enabled` says. Call inside a transaction.
 */
export function createAgreementLanguage(
  ctx: EmulatorContext,
  agreement: AgreementRecord,
  body: JsonObject,
  id: string = crypto.randomUUID(),
): AgreementLanguageRecord {
  const fields = languageFields(body, ["locale", "displayName"]);
  assertUniqueLocale(ctx, agreement.id, fields.locale);
  return insertAgreementLanguage(ctx.db, agreement, { ...fields, enabled: false }, ctx.clock.now(), id);
}

/** Replaces a language's settings, as `PUT …/languages/{id}` does. Call inside a transaction. */
export function replaceAgreementLanguage(
  ctx: EmulatorContext,
  agreement: AgreementRecord,
  language: AgreementLanguageRecord,
  body: JsonObject,
): AgreementLanguageRecord {
  const fields = languageFields(body, ["locale", "displayName", "enabled"]);
  assertUniqueLocale(ctx, agreement.id, fields.locale, language.id);
  if (fields.enabled && !language.enabled && countAgreementRevisions(ctx.db, language.id) === 0) {
    throw invalidData([
      { code: "INVALID_VALUE", target: "enabled", message: AgreementMessages.enableWithoutRevision },
    ]);
  }
  const others = listAgreementLanguages(ctx.db, agreement.id).filter((other) => other.id !== language.id);
  assertAgreementKeepsDefaultLanguage(agreement, [...others, fields]);
  updateAgreementLanguage(ctx.db, language.id, fields, ctx.clock.now());
  return { ...language, ...fields };
}

/** The language named in the path (of the agreement named in the path), or 404 NOT_FOUND. */
export function requireAgreementLanguage(
  ctx: EmulatorContext,
  agreement: AgreementRecord,
  languageId: string,
): AgreementLanguageRecord {
  return orNotFound(findAgreementLanguage(ctx.db, agreement.id, languageId));
}

/** Deletes a language with its revisions; an enabled agreement keeps its default-language content. */
export function removeAgreementLanguage(
  ctx: EmulatorContext,
  agreement: AgreementRecord,
  languageId: string,
): void {
  const language = requireAgreementLanguage(ctx, agreement, languageId);
  const others = listAgreementLanguages(ctx.db, agreement.id).filter((other) => other.id !== language.id);
  assertAgreementKeepsDefaultLanguage(agreement, others);
  deleteAgreementLanguage(ctx.db, language.id);
}

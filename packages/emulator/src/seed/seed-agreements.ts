import { toIsoTimestamp } from "../clock.js";
import type { EmulatorContext } from "../context.js";
import { acceptAgreement } from "../domain/agreement-consents.js";
import { createAgreementLanguage, replaceAgreementLanguage } from "../domain/agreement-languages.js";
import { createAgreementRevision } from "../domain/agreement-revisions.js";
import { currentRevision } from "../domain/agreement-rules.js";
import { createAgreement, replaceAgreement } from "../domain/agreements.js";
import type { JsonObject, ObjectSpec } from "../domain/validation.js";
import { listAgreementLanguages } from "../store/agreement-languages.js";
import { listAgreementRevisions } from "../store/agreement-revisions.js";
import { type AgreementRecord, findAgreement } from "../store/agreements.js";
import { findIdByIdOrName } from "../store/references.js";
import {
  checkEntry,
  presentKeys,
  SEED_TEXT,
  SeedError,
  seedEntries,
  seedId,
  seedStep,
} from "./seed-entries.js";

const list = { kind: "objectArray" } as const;
/** The seed-only keys of each entry; the rest is the API body, checked by the API's own rules. */
const AGREEMENT_KEYS: ObjectSpec = { id: SEED_TEXT, enabled: { kind: "boolean" }, languages: list };
const LANGUAGE_KEYS: ObjectSpec = { id: SEED_TEXT, enabled: { kind: "boolean" }, revisions: list };
const REVISION_KEYS: ObjectSpec = { id: SEED_TEXT };
const CONSENT_SPEC: ObjectSpec = {
  user: SEED_TEXT,
  agreement: SEED_TEXT,
  language: SEED_TEXT,
  revision: SEED_TEXT,
  consentedAt: { kind: "string", format: "date-time" },
};

/**
 * An environment's `agreements` (each with its `languages` and their `revisions`) and `agreementConsents`
 * in a seed file. Every entry goes through the API's own validation; a seed may also date revisions and
 * consents in the past, which the API refuses, to start from consents that already exist.
 */
export function seedAgreements(
  ctx: EmulatorContext,
  environmentId: string,
  seed: JsonObject,
  where: string,
): void {
  for (const { entry, at } of seedEntries(seed, "agreements", where))
    seedAgreement(ctx, environmentId, entry, at);
  for (const { entry, at } of seedEntries(seed, "agreementConsents", where)) {
    seedConsent(ctx, environmentId, entry, at);
  }
}

function seedAgreement(ctx: EmulatorContext, environmentId: string, entry: JsonObject, at: string): void {
  checkEntry(at, presentKeys(entry, Object.keys(AGREEMENT_KEYS)), AGREEMENT_KEYS);
  const { id, languages, enabled, ...body } = entry;
  const agreementId = seedId(entry);
  let agreement = seedStep(at, () =>
    createAgreement(ctx, environmentId, { ...body, enabled: false }, agreementId),
  );
  for (const { entry: language, at: languageAt } of seedEntries(entry, "languages", at)) {
    seedLanguage(ctx, agreement, language, languageAt);
  }
  if (enabled === true) {
    agreement = seedStep(at, () =>
      replaceAgreement(ctx, agreement, { ...body, enabled: true } as Record<string, unknown>),
    );
  }
}

function seedLanguage(ctx: EmulatorContext, agreement: AgreementRecord, entry: JsonObject, at: string): void {
  checkEntry(at, presentKeys(entry, Object.keys(LANGUAGE_KEYS)), LANGUAGE_KEYS);
  const { id, revisions, enabled, ...body } = entry;
  const languageId = seedId(entry);
  const language = seedStep(at, () => createAgreementLanguage(ctx, agreement, body, languageId));
  for (const { entry: revision, at: revisionAt } of seedEntries(entry, "revisions", at)) {
    checkEntry(revisionAt, presentKeys(revision, ["id"]), REVISION_KEYS);
    const { id: revisionId, ...revisionBody } = revision;
    seedStep(revisionAt, () =>
      createAgreementRevision(
        ctx,
        language,
        { effectiveAt: toIsoTimestamp(ctx.clock.now()), requireReconsent: false, ...revisionBody },
        { id: revisionId as string | undefined, allowPast: true },
      ),
    );
  }
  // A seeded language is enabled unless it says otherwise (the API creates languages disabled).
  if (enabled !== false)
    seedStep(at, () => replaceAgreementLanguage(ctx, agreement, language, { ...body, enabled: true }));
}

/** `{ user, agreement, language?, revision?, consentedAt? }`: language by locale or id, revision by id. */
function seedConsent(ctx: EmulatorContext, environmentId: string, entry: JsonObject, at: string): void {
  checkEntry(at, entry, CONSENT_SPEC, ["user", "agreement"]);
  const userReference = entry.user as string;
  const agreementReference = entry.agreement as string;
  const userId = findIdByIdOrName(ctx.db, "users", "username", environmentId, userReference);
  if (userId === undefined) throw new SeedError(at, `no user "${userReference}" in the environment`);
  const agreementId = findIdByIdOrName(ctx.db, "agreements", "name", environmentId, agreementReference);
  const agreement = agreementId === undefined ? undefined : findAgreement(ctx.db, environmentId, agreementId);
  if (agreement === undefined)
    throw new SeedError(at, `no agreement "${agreementReference}" in the environment`);
  const languageReference = entry.language as string | undefined;
  const languages = listAgreementLanguages(ctx.db, agreement.id).filter((language) => language.enabled);
  const language =
    languageReference === undefined
      ? languages[0]
      : languages.find(
          (candidate) =>
            candidate.id === languageReference ||
            candidate.locale.toLowerCase() === languageReference.toLowerCase(),
        );
  if (language === undefined)
    throw new SeedError(at, `no enabled language "${languageReference ?? ""}" in the agreement`);
  const revisionId =
    (entry.revision as string | undefined) ??
    currentRevision(listAgreementRevisions(ctx.db, language.id), ctx.clock.now())?.id;
  if (revisionId === undefined) throw new SeedError(at, "the language has no revision in effect");
  const body: Record<string, unknown> = { language: { id: language.id }, revision: { id: revisionId } };
  if (entry.consentedAt !== undefined) body.consentedAt = entry.consentedAt;
  seedStep(at, () => acceptAgreement(ctx, userId, agreement, body));
}

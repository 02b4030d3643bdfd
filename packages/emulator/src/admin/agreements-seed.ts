import { toIsoTimestamp } from "../clock.js";
import type { EmulatorContext } from "../context.js";
import { currentRevision } from "../domain/agreement-rules.js";
import { acceptAgreement } from "../routes/agreement-consents.js";
import { createAgreementLanguage, replaceAgreementLanguage } from "../routes/agreement-languages.js";
import { createAgreementRevision } from "../routes/agreement-revisions.js";
import { createAgreement, replaceAgreement } from "../routes/agreements.js";
import { listAgreementLanguages } from "../store/agreement-languages.js";
import { listAgreementRevisions } from "../store/agreement-revisions.js";
import { type AgreementRecord, findAgreement, findAgreementIdByName } from "../store/agreements.js";
import { findUserIdByIdOrUsername } from "../store/user-references.js";
import { optionalSeedText, type SeedEntry, SeedEntryError, seedEntries, seedStep } from "./seed-entries.js";

/**
 * An environment's `agreements` (each with its `languages` and their `revisions`) and `agreementConsents`
 * in a seed file. Every entry goes through the API's own validation; a seed may also date revisions and
 * consents in the past, which the API refuses, to start from consents that already exist.
 */
export function seedAgreements(
  ctx: EmulatorContext,
  environmentId: string,
  seed: SeedEntry,
  where: string,
): void {
  for (const { entry, at } of seedEntries(seed, "agreements", where))
    seedAgreement(ctx, environmentId, entry, at);
  for (const { entry, at } of seedEntries(seed, "agreementConsents", where)) {
    seedConsent(ctx, environmentId, entry, at);
  }
}

function seedAgreement(ctx: EmulatorContext, environmentId: string, entry: SeedEntry, at: string): void {
  const { id, languages, enabled, ...body } = entry;
  if (enabled !== undefined && typeof enabled !== "boolean")
    throw new SeedEntryError(at, '"enabled" must be a boolean');
  const agreementId = optionalSeedText(entry, "id", at) ?? crypto.randomUUID();
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

function seedLanguage(ctx: EmulatorContext, agreement: AgreementRecord, entry: SeedEntry, at: string): void {
  const { id, revisions, enabled, ...body } = entry;
  if (enabled !== undefined && typeof enabled !== "boolean")
    throw new SeedEntryError(at, '"enabled" must be a boolean');
  const languageId = optionalSeedText(entry, "id", at) ?? crypto.randomUUID();
  const language = seedStep(at, () => createAgreementLanguage(ctx, agreement, body, languageId));
  for (const { entry: revision, at: revisionAt } of seedEntries(entry, "revisions", at)) {
    const { id: revisionId, ...revisionBody } = revision;
    seedStep(revisionAt, () =>
      createAgreementRevision(
        ctx,
        language,
        { effectiveAt: toIsoTimestamp(ctx.clock.now()), requireReconsent: false, ...revisionBody },
        { id: optionalSeedText(revision, "id", revisionAt), allowPast: true },
      ),
    );
  }
  // A seeded language is enabled unless it says otherwise (the API creates languages disabled).
  if (enabled !== false)
    seedStep(at, () => replaceAgreementLanguage(ctx, agreement, language, { ...body, enabled: true }));
}

/** `{ user, agreement, language?, revision?, consentedAt? }`: language by locale or id, revision by id. */
function seedConsent(ctx: EmulatorContext, environmentId: string, entry: SeedEntry, at: string): void {
  const userReference = optionalSeedText(entry, "user", at);
  const agreementReference = optionalSeedText(entry, "agreement", at);
  if (userReference === undefined || agreementReference === undefined) {
    throw new SeedEntryError(at, '"user" and "agreement" are required');
  }
  const userId = findUserIdByIdOrUsername(ctx.db, environmentId, userReference);
  if (userId === undefined) throw new SeedEntryError(at, `no user "${userReference}" in the environment`);
  const agreement =
    findAgreement(ctx.db, environmentId, agreementReference) ??
    findAgreement(
      ctx.db,
      environmentId,
      findAgreementIdByName(ctx.db, environmentId, agreementReference) ?? "",
    );
  if (agreement === undefined)
    throw new SeedEntryError(at, `no agreement "${agreementReference}" in the environment`);
  const languageReference = optionalSeedText(entry, "language", at);
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
    throw new SeedEntryError(at, `no enabled language "${languageReference ?? ""}" in the agreement`);
  const revisionId =
    optionalSeedText(entry, "revision", at) ??
    currentRevision(listAgreementRevisions(ctx.db, language.id), ctx.clock.now())?.id;
  if (revisionId === undefined) throw new SeedEntryError(at, "the language has no revision in effect");
  const body: Record<string, unknown> = { language: { id: language.id }, revision: { id: revisionId } };
  if (entry.consentedAt !== undefined) body.consentedAt = entry.consentedAt;
  seedStep(at, () => acceptAgreement(ctx, userId, agreement, body));
}

/**
 * The rules PingOne applies to agreements, languages, revisions and consents, as pure functions of the
 * stored records and the emulator's clock (docs/emulator-agreements.md explains each choice).
 */

const DAY_MS = 86_400_000;

/**
 * The language every emulated environment has as its default. PingOne enables an agreement only when it
 * has content in the environment's default language; the emulator has no language management API, so
 * the default is English, as in a new PingOne environment.
 */
export const ENVIRONMENT_DEFAULT_LANGUAGE = "en";

/** A revision as the rules see it. */
export interface RevisionTiming {
  id: string;
  effectiveAt: number;
  requireReconsent: boolean;
}

/** The revision shown for new consents: the latest one already in effect (`effectiveAt` ≤ now). */
export function currentRevision<R extends RevisionTiming>(
  revisions: readonly R[],
  now: number,
): R | undefined {
  let current: R | undefined;
  for (const revision of revisions) {
    if (
      revision.effectiveAt <= now &&
      (current === undefined || revision.effectiveAt > current.effectiveAt)
    ) {
      current = revision;
    }
  }
  return current;
}

/**
 * When consents to `revision` stop counting: the effective date of the first later revision that
 * requires re-consent. Undefined while no such revision exists.
 */
export function revisionNotValidAfter(
  revision: RevisionTiming,
  revisions: readonly RevisionTiming[],
): number | undefined {
  let end: number | undefined;
  for (const later of revisions) {
    if (later.effectiveAt > revision.effectiveAt && later.requireReconsent) {
      if (end === undefined || later.effectiveAt < end) end = later.effectiveAt;
    }
  }
  return end;
}

/** A revision can take a consent now: it is in effect and no re-consent revision has replaced it. */
export function isRevisionValid(
  revision: RevisionTiming,
  revisions: readonly RevisionTiming[],
  now: number,
): boolean {
  if (revision.effectiveAt > now) return false;
  const end = revisionNotValidAfter(revision, revisions);
  return end === undefined || end > now;
}

/** When a consent given at `consentedAt` expires under the agreement's re-consent period. */
export function consentExpiry(consentedAt: number, reconsentPeriodDays: number | null): number | null {
  return reconsentPeriodDays === null ? null : consentedAt + Math.round(reconsentPeriodDays * DAY_MS);
}

/** True when `locale` is (a regional variant of) the environment's default language. */
export function isDefaultLanguageLocale(locale: string): boolean {
  const primary = locale.split("-", 1)[0]?.toLowerCase();
  return primary === ENVIRONMENT_DEFAULT_LANGUAGE;
}

/** An agreement can be enabled only while one of its enabled languages is the default language. */
export function hasEnabledDefaultLanguage(
  languages: readonly { locale: string; enabled: boolean }[],
): boolean {
  return languages.some((language) => language.enabled && isDefaultLanguageLocale(language.locale));
}

export type ConsentStatus = "ACCEPTED" | "PENDING" | "REVOKED" | "EXPIRED" | "AGREEMENT_DISABLED";

/** What a consent record says now, and which language and revision it points the user at. */
export interface ConsentState {
  status: ConsentStatus;
  languageId: string;
  revisionId: string;
}

export interface ConsentFacts {
  agreementEnabled: boolean;
  consent: { languageId: string; revisionId: string; expiresAt: number | null; revokedAt: number | null };
  language: { enabled: boolean } | undefined;
  revisions: readonly RevisionTiming[];
  now: number;
  revokedStatus: "PENDING" | "REVOKED";
}

/**
 * The status of a stored consent. A disabled agreement wins over everything; then a revoke, an expiry, and
 * a newer revision that requires re-consent (or a disabled language) send the user back to consent again.
 * Unless ACCEPTED, the revision named is the one to consent to now: the language's current revision.
 */
export function consentState(facts: ConsentFacts): ConsentState {
  const { consent, revisions, now } = facts;
  const current = currentRevision(revisions, now);
  const pointAtCurrent = (status: ConsentStatus): ConsentState => ({
    status,
    languageId: consent.languageId,
    revisionId: current?.id ?? consent.revisionId,
  });
  if (!facts.agreementEnabled) return pointAtCurrent("AGREEMENT_DISABLED");
  if (consent.revokedAt !== null) return pointAtCurrent(facts.revokedStatus);
  if (consent.expiresAt !== null && consent.expiresAt <= now) return pointAtCurrent("EXPIRED");
  const consented = revisions.find((revision) => revision.id === consent.revisionId);
  const superseded = consented === undefined || !isRevisionValid(consented, revisions, now);
  if (superseded || facts.language?.enabled !== true) return pointAtCurrent("PENDING");
  return { status: "ACCEPTED", languageId: consent.languageId, revisionId: consent.revisionId };
}

/**
 * The agreement's consent counters: users whose consent stands (not revoked), and those among them whose
 * consent has expired. PingOne aggregates them about once a day; the emulator counts at read time.
 */
export function consentCounts(
  consents: readonly { revokedAt: number | null; expiresAt: number | null }[],
  now: number,
): { totalConsents: number; totalExpiredConsents: number } {
  let totalConsents = 0;
  let totalExpiredConsents = 0;
  for (const consent of consents) {
    if (consent.revokedAt !== null) continue;
    totalConsents += 1;
    if (consent.expiresAt !== null && consent.expiresAt <= now) totalExpiredConsents += 1;
  }
  return { totalConsents, totalExpiredConsents };
}

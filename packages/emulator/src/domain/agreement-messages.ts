import { ENVIRONMENT_DEFAULT_LANGUAGE } from "./agreement-rules.js";

/**
 * Error texts of the agreement, language, revision, consent, theme and form routes. PingOne's wording is
 * not documented for most of these cases, so they are plain descriptions kept in one place; the revision
 * deletion text is the one PingOne's Terraform provider matches on.
 */
export const AgreementMessages = {
  enableWithoutDefaultLanguage: `can be true only when an enabled language of the agreement is the environment's default language (${ENVIRONMENT_DEFAULT_LANGUAGE})`,
  defaultLanguageRequired: `An enabled agreement must keep an enabled language for the environment's default language (${ENVIRONMENT_DEFAULT_LANGUAGE}); disable the agreement first.`,
  enableWithoutRevision: "can be true only when the language has at least one revision",
  revisionLimit: "A language can have at most 100 revisions.",
  effectiveAtInPast: "must be the present time or later",
  effectiveRevisionDelete: "A currently effective revision cannot be deleted.",
  agreementDisabled: "The agreement is disabled; consent cannot be given to it.",
  unknownLanguage: "does not identify an enabled language of this agreement",
  unknownRevision: "does not identify a revision of this language",
  revisionNotValid: "is not a revision of this language that can be consented to now",
  consentedAtInFuture: "must not be in the future",
  consentedBeforeRevision: "must not be before the revision's effectiveAt",
  noConsentToRevoke: "The user has no consent to this agreement to revoke.",
  revokeTakesNoBody: "takes no attributes",
  defaultThemeRequired:
    "The default theme cannot stop being the default; make another theme the default instead.",
  defaultThemeDelete:
    "The default theme cannot be deleted while other themes exist; make another theme the default first.",
  requiredWhen: (condition: string) => `is required when ${condition}`,
  unknownFieldType: "is not a form field type",
} as const;

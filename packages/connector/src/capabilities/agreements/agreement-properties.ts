import { Type } from "@sinclair/typebox";
import { HEADER_VALUE_RULE, isHeaderValue } from "../../input/header-value.js";
import { isSafePathSegment } from "../../input/path-segment.js";
import { CapabilityError } from "../kit/capability-error.js";
import { defineFragment, type PropertyUi } from "../kit/definition.js";

const AGREEMENT_ID_INFO = "A unique identifier for the agreement the user has accepted or signed.";
const LANGUAGE_INFO =
  'The language in which the agreement is written and indicated by an IEFT BCP 47 language tag, such as "en-US" or "az-Arab".';

/** The agreement a capability acts on: the "Agreement" dropDown ("Use Agreement ID") and "Agreement ID". */
export const agreementChoice = defineFragment({
  placement: "first",
  input: {
    agreement: Type.Optional(
      Type.String({ default: "useAgreementId", description: "The name of the agreement." }),
    ),
    agreementId: Type.Optional(Type.String({ minLength: 0, maxLength: 100, description: "Agreement ID" })),
  },
  properties: {
    agreement: {
      displayName: "Agreement",
      control: "dropDown",
      info: "The name of the agreement.",
      options: [{ name: "Use Agreement ID", value: "useAgreementId" }],
      uiOnly: true,
    },
    agreementId: { displayName: "Agreement ID", control: "textField", info: AGREEMENT_ID_INFO },
  },
  errors: {
    notFound: "No agreement has this id, or it has no enabled language or revision in effect.",
    invalidInput: "The agreement id is empty.",
  },
});

/** "Accept Language": a BCP 47 tag or an Accept-Language list. */
export const ACCEPT_LANGUAGE_INPUT = {
  acceptLanguage: Type.Optional(
    Type.String({
      minLength: 0,
      maxLength: 100,
      description: "BCP 47 Language tag used as Accept-Language header",
    }),
  ),
};

export const ACCEPT_LANGUAGE_UI: Record<string, PropertyUi> = {
  acceptLanguage: { displayName: "Accept Language", control: "textField", info: LANGUAGE_INFO },
};

/** "User Locale" (Read Agreement Content): chosen before Accept Language. */
export const USER_LOCALE_INPUT = {
  userLocale: Type.Optional(Type.String({ minLength: 0, maxLength: 100, description: "User Locale" })),
};

export const USER_LOCALE_UI: Record<string, PropertyUi> = {
  userLocale: {
    displayName: "User Locale",
    control: "textField",
    info: 'The user\'s location, which determines the language in which the agreement is written and indicated by an IEFT BCP 47 language tag, such as "en-US" or "az-Arab".',
  },
};

/** The agreement id: `agreementId` with "Use Agreement ID" (or no choice), else the id the dropDown stored. */
export function agreementIdOf(input: {
  agreement?: string | undefined;
  agreementId?: string | undefined;
}): string {
  const choice = input.agreement?.trim();
  const value = (choice && choice !== "useAgreementId" ? choice : input.agreementId)?.trim();
  if (!value) throw new CapabilityError("invalidInput", "agreementId must not be empty");
  if (!isSafePathSegment(value)) {
    throw new CapabilityError("notFound", "No agreement has this id", { httpResponseCode: 404 });
  }
  return value;
}

/**
 * Accept-Language sent with consent calls, when the flow gave one. Build it before the first
 * call: a value no HTTP header can carry is `invalidInput`.
 */
export function acceptLanguageHeader(acceptLanguage: string | undefined): Record<string, string> | undefined {
  const value = acceptLanguage?.trim();
  if (value && !isHeaderValue(value))
    throw new CapabilityError("invalidInput", `acceptLanguage ${HEADER_VALUE_RULE}`);
  return value ? { "accept-language": value } : undefined;
}

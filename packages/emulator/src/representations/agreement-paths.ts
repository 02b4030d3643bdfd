/** Paths below `/v1` of the agreement resources, shared by their representations and routes. */
export const agreementPaths = {
  environment: (environmentId: string) => `/environments/${environmentId}`,
  agreement: (environmentId: string, agreementId: string) =>
    `/environments/${environmentId}/agreements/${agreementId}`,
  language: (environmentId: string, agreementId: string, languageId: string) =>
    `/environments/${environmentId}/agreements/${agreementId}/languages/${languageId}`,
  revision: (environmentId: string, agreementId: string, languageId: string, revisionId: string) =>
    `/environments/${environmentId}/agreements/${agreementId}/languages/${languageId}/revisions/${revisionId}`,
  consent: (environmentId: string, userId: string, agreementId: string) =>
    `/environments/${environmentId}/users/${userId}/agreementConsents/${agreementId}`,
  user: (environmentId: string, userId: string) => `/environments/${environmentId}/users/${userId}`,
};

/**
 * Where the emulator serves a revision's text. PingOne serves it from its agreement-management host
 * (`agreement-mgmt.pingone.<tld>`) at `/environments/…/revisions/{id}.json`; the emulator has one origin,
 * so the same path sits under its own `/agreement-mgmt` prefix, outside `/v1`.
 */
export const REVISION_TEXT_PREFIX = "/agreement-mgmt";

export function revisionTextPath(
  environmentId: string,
  agreementId: string,
  languageId: string,
  revisionId: string,
): string {
  return `${REVISION_TEXT_PREFIX}/environments/${environmentId}/agreements/${agreementId}/languages/${languageId}/revisions/${revisionId}.json`;
}

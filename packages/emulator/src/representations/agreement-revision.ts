import type { Context } from "hono";
import { toIsoTimestamp } from "../clock.js";
import { revisionNotValidAfter } from "../domain/agreement-rules.js";
import { links, requestOrigin } from "../http/hal.js";
import type { AgreementRevisionRecord } from "../store/agreement-revisions.js";
import { agreementPaths, revisionTextPath } from "./agreement-paths.js";

/**
 * A revision without its text (PingOne never returns `text` from the management API): `_links.text` is
 * the absolute URL the text is read from.
 */
export function agreementRevisionBody(
  c: Context,
  revision: AgreementRevisionRecord,
  notValidAfter: number | undefined,
) {
  const { environmentId, agreementId, languageId, id } = revision;
  const body: Record<string, unknown> = {
    _links: {
      ...links(c, {
        self: agreementPaths.revision(environmentId, agreementId, languageId, id),
        agreement: agreementPaths.agreement(environmentId, agreementId),
        language: agreementPaths.language(environmentId, agreementId, languageId),
        environment: agreementPaths.environment(environmentId),
      }),
      text: { href: `${requestOrigin(c)}${revisionTextPath(environmentId, agreementId, languageId, id)}` },
    },
    id,
    environment: { id: environmentId },
    agreement: { id: agreementId },
    language: { id: languageId },
    contentType: revision.contentType,
    effectiveAt: toIsoTimestamp(revision.effectiveAt),
    requireReconsent: revision.requireReconsent,
  };
  if (notValidAfter !== undefined) body.notValidAfter = toIsoTimestamp(notValidAfter);
  return body;
}

/** What the revision's text link returns: the text as `data`, its content type as `dataType`. */
export function agreementRevisionTextBody(revision: AgreementRevisionRecord, resourcePath: string) {
  return { resourcePath, data: revision.text, dataType: revision.contentType };
}

/** Every revision's body; `notValidAfter` depends on the language's other revisions. */
export function renderAgreementRevisions(c: Context, revisions: readonly AgreementRevisionRecord[]) {
  return revisions.map((revision) =>
    agreementRevisionBody(c, revision, revisionNotValidAfter(revision, revisions)),
  );
}

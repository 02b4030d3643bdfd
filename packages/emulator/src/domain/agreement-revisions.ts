import type { EmulatorContext } from "../context.js";
import type { AgreementLanguageRecord } from "../store/agreement-languages.js";
import {
  type AgreementRevisionRecord,
  countAgreementRevisions,
  deleteAgreementRevision,
  findAgreementRevision,
  findRevisionIdAt,
  insertAgreementRevision,
  type RevisionContentType,
} from "../store/agreement-revisions.js";
import { AgreementMessages } from "./agreement-messages.js";
import { invalidData, orNotFound, requestFailed, uniquenessViolation } from "./errors.js";
import { assertValid, type JsonObject, type ObjectSpec } from "./validation.js";

/** PingOne's documented limits: 100 revisions per language, 32,000 characters of text. */
const MAX_REVISIONS_PER_LANGUAGE = 100;
const MAX_TEXT_LENGTH = 32_000;
/** How far behind the emulator clock `effectiveAt` may be and still count as "the present". */
const PRESENT_TOLERANCE_MS = 60_000;

const REVISION_SPEC: ObjectSpec = {
  contentType: { kind: "string", allowed: ["text/html", "text/plain"] },
  text: { kind: "string", minLength: 1, maxLength: MAX_TEXT_LENGTH },
  effectiveAt: { kind: "string", format: "date-time" },
  requireReconsent: { kind: "boolean" },
  id: { kind: "readOnly" },
  environment: { kind: "readOnly" },
  agreement: { kind: "readOnly" },
  language: { kind: "readOnly" },
  notValidAfter: { kind: "readOnly" },
  _links: { kind: "readOnly" },
};

/**
 * Validates a create body and stores the revision, as `POST …/revisions` does. `allowPast` lets the seed
 * load revisions that took effect before the emulator started. Call inside a transaction.
 */
export function createAgreementRevision(
  ctx: EmulatorContext,
  language: AgreementLanguageRecord,
  body: JsonObject,
  options: { id?: string; allowPast?: boolean } = {},
): AgreementRevisionRecord {
  assertValid(body, REVISION_SPEC, { required: ["contentType", "effectiveAt", "requireReconsent", "text"] });
  const now = ctx.clock.now();
  const effectiveAt = Date.parse(body.effectiveAt as string);
  if (options.allowPast !== true && effectiveAt < now - PRESENT_TOLERANCE_MS) {
    throw invalidData([
      { code: "INVALID_VALUE", target: "effectiveAt", message: AgreementMessages.effectiveAtInPast },
    ]);
  }
  const clash = findRevisionIdAt(ctx.db, language.id, effectiveAt);
  if (clash !== undefined) throw uniquenessViolation("effectiveAt", clash);
  if (countAgreementRevisions(ctx.db, language.id) >= MAX_REVISIONS_PER_LANGUAGE) {
    throw requestFailed(AgreementMessages.revisionLimit, [
      {
        code: "SIZE_LIMIT_EXCEEDED",
        message: AgreementMessages.revisionLimit,
        innerError: { maximumValue: MAX_REVISIONS_PER_LANGUAGE },
      },
    ]);
  }
  return insertAgreementRevision(
    ctx.db,
    language,
    {
      contentType: body.contentType as RevisionContentType,
      text: body.text as string,
      effectiveAt,
      requireReconsent: body.requireReconsent as boolean,
    },
    now,
    options.id,
  );
}

/** The revision named in the path (of the language named in the path), or 404 NOT_FOUND. */
export function requireAgreementRevision(
  ctx: EmulatorContext,
  language: AgreementLanguageRecord,
  revisionId: string,
): AgreementRevisionRecord {
  return orNotFound(findAgreementRevision(ctx.db, language.id, revisionId));
}

/** Deletes a revision that has not taken effect yet. Call inside a transaction. */
export function removeAgreementRevision(
  ctx: EmulatorContext,
  language: AgreementLanguageRecord,
  revisionId: string,
): void {
  const revision = requireAgreementRevision(ctx, language, revisionId);
  if (revision.effectiveAt <= ctx.clock.now()) {
    throw requestFailed(AgreementMessages.effectiveRevisionDelete, [
      {
        code: "CONSTRAINT_VIOLATION",
        target: "effectiveAt",
        message: AgreementMessages.effectiveRevisionDelete,
      },
    ]);
  }
  deleteAgreementRevision(ctx.db, revision.id);
}

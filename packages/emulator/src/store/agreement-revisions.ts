import type { EmulatorDatabase } from "./database.js";

export type RevisionContentType = "text/html" | "text/plain";

/** One version of an agreement's text in one language; immutable once created. */
export interface AgreementRevisionRecord {
  id: string;
  environmentId: string;
  agreementId: string;
  languageId: string;
  contentType: RevisionContentType;
  text: string;
  effectiveAt: number;
  requireReconsent: boolean;
  createdAt: number;
}

export type AgreementRevisionFields = Pick<
  AgreementRevisionRecord,
  "contentType" | "text" | "effectiveAt" | "requireReconsent"
>;

interface AgreementRevisionRow {
  id: string;
  environment_id: string;
  agreement_id: string;
  language_id: string;
  content_type: RevisionContentType;
  text: string;
  effective_at: number;
  require_reconsent: number;
  created_at: number;
}

function toRecord(row: AgreementRevisionRow): AgreementRevisionRecord {
  return {
    id: row.id,
    environmentId: row.environment_id,
    agreementId: row.agreement_id,
    languageId: row.language_id,
    contentType: row.content_type,
    text: row.text,
    effectiveAt: row.effective_at,
    requireReconsent: row.require_reconsent === 1,
    createdAt: row.created_at,
  };
}

export function findAgreementRevision(
  db: EmulatorDatabase,
  languageId: string,
  revisionId: string,
): AgreementRevisionRecord | undefined {
  const row = db
    .prepare("SELECT * FROM agreement_revisions WHERE id = ? AND language_id = ?")
    .get(revisionId, languageId) as AgreementRevisionRow | undefined;
  return row === undefined ? undefined : toRecord(row);
}

/** A language's revisions, oldest `effectiveAt` first. */
export function listAgreementRevisions(db: EmulatorDatabase, languageId: string): AgreementRevisionRecord[] {
  const rows = db
    .prepare("SELECT * FROM agreement_revisions WHERE language_id = ? ORDER BY effective_at, seq")
    .all(languageId) as AgreementRevisionRow[];
  return rows.map(toRecord);
}

export function countAgreementRevisions(db: EmulatorDatabase, languageId: string): number {
  return db
    .prepare("SELECT COUNT(*) FROM agreement_revisions WHERE language_id = ?")
    .pluck()
    .get(languageId) as number;
}

/** The revision of the language that takes effect at exactly `effectiveAt`, if any. */
export function findRevisionIdAt(
  db: EmulatorDatabase,
  languageId: string,
  effectiveAt: number,
): string | undefined {
  return db
    .prepare("SELECT id FROM agreement_revisions WHERE language_id = ? AND effective_at = ?")
    .pluck()
    .get(languageId, effectiveAt) as string | undefined;
}

export function insertAgreementRevision(
  db: EmulatorDatabase,
  language: { id: string; agreementId: string; environmentId: string },
  fields: AgreementRevisionFields,
  now: number,
  id: string = crypto.randomUUID(),
): AgreementRevisionRecord {
  db.prepare(
    `INSERT INTO agreement_revisions (id, environment_id, agreement_id, language_id, content_type, text,
       effective_at, require_reconsent, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    language.environmentId,
    language.agreementId,
    language.id,
    fields.contentType,
    fields.text,
    fields.effectiveAt,
    fields.requireReconsent ? 1 : 0,
    now,
  );
  return {
    id,
    environmentId: language.environmentId,
    agreementId: language.agreementId,
    languageId: language.id,
    ...fields,
    createdAt: now,
  };
}

export function deleteAgreementRevision(db: EmulatorDatabase, id: string): void {
  db.prepare("DELETE FROM agreement_revisions WHERE id = ?").run(id);
}

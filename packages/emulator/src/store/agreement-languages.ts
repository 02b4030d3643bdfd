import type { EmulatorDatabase } from "./database.js";

/** Texts of the consent screen in one language (`userExperience`). */
export interface AgreementUserExperience {
  acceptCheckboxText?: string;
  continueButtonText?: string;
  declineButtonText?: string;
}

/** One language of an agreement. */
export interface AgreementLanguageRecord {
  id: string;
  environmentId: string;
  agreementId: string;
  locale: string;
  displayName: string;
  enabled: boolean;
  userExperience: AgreementUserExperience | null;
  createdAt: number;
  updatedAt: number;
}

export type AgreementLanguageFields = Pick<
  AgreementLanguageRecord,
  "locale" | "displayName" | "enabled" | "userExperience"
>;

interface AgreementLanguageRow {
  id: string;
  environment_id: string;
  agreement_id: string;
  locale: string;
  display_name: string;
  enabled: number;
  user_experience: string | null;
  created_at: number;
  updated_at: number;
}

function toRecord(row: AgreementLanguageRow): AgreementLanguageRecord {
  return {
    id: row.id,
    environmentId: row.environment_id,
    agreementId: row.agreement_id,
    locale: row.locale,
    displayName: row.display_name,
    enabled: row.enabled === 1,
    userExperience:
      row.user_experience === null ? null : (JSON.parse(row.user_experience) as AgreementUserExperience),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function findAgreementLanguage(
  db: EmulatorDatabase,
  agreementId: string,
  languageId: string,
): AgreementLanguageRecord | undefined {
  const row = db
    .prepare("SELECT * FROM agreement_languages WHERE id = ? AND agreement_id = ?")
    .get(languageId, agreementId) as AgreementLanguageRow | undefined;
  return row === undefined ? undefined : toRecord(row);
}

/** The language of the agreement holding `locale` (compared ignoring case), other than `exceptId`. */
export function findAgreementLanguageIdByLocale(
  db: EmulatorDatabase,
  agreementId: string,
  locale: string,
  exceptId = "",
): string | undefined {
  return db
    .prepare(
      "SELECT id FROM agreement_languages WHERE agreement_id = ? AND locale = ? COLLATE NOCASE AND id <> ?",
    )
    .pluck()
    .get(agreementId, locale, exceptId) as string | undefined;
}

export function listAgreementLanguages(db: EmulatorDatabase, agreementId: string): AgreementLanguageRecord[] {
  const rows = db
    .prepare("SELECT * FROM agreement_languages WHERE agreement_id = ? ORDER BY seq")
    .all(agreementId) as AgreementLanguageRow[];
  return rows.map(toRecord);
}

export function insertAgreementLanguage(
  db: EmulatorDatabase,
  agreement: { id: string; environmentId: string },
  fields: AgreementLanguageFields,
  now: number,
  id: string = crypto.randomUUID(),
): AgreementLanguageRecord {
  db.prepare(
    `INSERT INTO agreement_languages (id, environment_id, agreement_id, locale, display_name, enabled,
       user_experience, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    agreement.environmentId,
    agreement.id,
    fields.locale,
    fields.displayName,
    fields.enabled ? 1 : 0,
    fields.userExperience === null ? null : JSON.stringify(fields.userExperience),
    now,
    now,
  );
  return {
    id,
    environmentId: agreement.environmentId,
    agreementId: agreement.id,
    ...fields,
    createdAt: now,
    updatedAt: now,
  };
}

export function updateAgreementLanguage(
  db: EmulatorDatabase,
  id: string,
  fields: AgreementLanguageFields,
  now: number,
): void {
  db.prepare(
    `UPDATE agreement_languages SET locale = ?, display_name = ?, enabled = ?, user_experience = ?,
       updated_at = ? WHERE id = ?`,
  ).run(
    fields.locale,
    fields.displayName,
    fields.enabled ? 1 : 0,
    fields.userExperience === null ? null : JSON.stringify(fields.userExperience),
    now,
    id,
  );
}

export function deleteAgreementLanguage(db: EmulatorDatabase, id: string): void {
  db.prepare("DELETE FROM agreement_languages WHERE id = ?").run(id);
}

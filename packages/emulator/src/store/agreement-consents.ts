import type { EmulatorDatabase } from "./database.js";

/** A user's latest consent to an agreement, as stored (its status is computed when read). */
export interface AgreementConsentRecord {
  id: string;
  environmentId: string;
  userId: string;
  agreementId: string;
  languageId: string;
  revisionId: string;
  consentedAt: number;
  expiresAt: number | null;
  revokedAt: number | null;
  updatedAt: number;
}

interface AgreementConsentRow {
  id: string;
  environment_id: string;
  user_id: string;
  agreement_id: string;
  language_id: string;
  revision_id: string;
  consented_at: number;
  expires_at: number | null;
  revoked_at: number | null;
  updated_at: number;
}

function toRecord(row: AgreementConsentRow): AgreementConsentRecord {
  return {
    id: row.id,
    environmentId: row.environment_id,
    userId: row.user_id,
    agreementId: row.agreement_id,
    languageId: row.language_id,
    revisionId: row.revision_id,
    consentedAt: row.consented_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    updatedAt: row.updated_at,
  };
}

export function findAgreementConsent(
  db: EmulatorDatabase,
  userId: string,
  agreementId: string,
): AgreementConsentRecord | undefined {
  const row = db
    .prepare("SELECT * FROM agreement_consents WHERE user_id = ? AND agreement_id = ?")
    .get(userId, agreementId) as AgreementConsentRow | undefined;
  return row === undefined ? undefined : toRecord(row);
}

/** A user's consents, one per agreement, in the agreements' creation order. */
export function listUserAgreementConsents(db: EmulatorDatabase, userId: string): AgreementConsentRecord[] {
  const rows = db
    .prepare(
      `SELECT c.* FROM agreement_consents c JOIN agreements a ON a.id = c.agreement_id
        WHERE c.user_id = ? ORDER BY a.seq`,
    )
    .all(userId) as AgreementConsentRow[];
  return rows.map(toRecord);
}

/** Every consent given to an agreement (for its consent counters). */
export function listAgreementConsents(db: EmulatorDatabase, agreementId: string): AgreementConsentRecord[] {
  const rows = db
    .prepare("SELECT * FROM agreement_consents WHERE agreement_id = ?")
    .all(agreementId) as AgreementConsentRow[];
  return rows.map(toRecord);
}

/** Records an accept: replaces the user's previous consent to the agreement with a new one. */
export function saveAcceptedConsent(
  db: EmulatorDatabase,
  consent: Omit<AgreementConsentRecord, "revokedAt" | "updatedAt">,
  now: number,
): AgreementConsentRecord {
  db.prepare(
    `INSERT INTO agreement_consents (id, environment_id, user_id, agreement_id, language_id, revision_id,
       consented_at, expires_at, revoked_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)
     ON CONFLICT (user_id, agreement_id) DO UPDATE SET id = excluded.id, language_id = excluded.language_id,
       revision_id = excluded.revision_id, consented_at = excluded.consented_at,
       expires_at = excluded.expires_at, revoked_at = NULL, updated_at = excluded.updated_at`,
  ).run(
    consent.id,
    consent.environmentId,
    consent.userId,
    consent.agreementId,
    consent.languageId,
    consent.revisionId,
    consent.consentedAt,
    consent.expiresAt,
    now,
  );
  return { ...consent, revokedAt: null, updatedAt: now };
}

export function markConsentRevoked(
  db: EmulatorDatabase,
  userId: string,
  agreementId: string,
  now: number,
): void {
  db.prepare(
    "UPDATE agreement_consents SET revoked_at = ?, updated_at = ? WHERE user_id = ? AND agreement_id = ?",
  ).run(now, now, userId, agreementId);
}

import type { EmulatorDatabase } from "./database.js";

export interface OrganizationRow {
  id: string;
  name: string;
  license_id: string;
}

/** The emulator runs one organisation (PingOne's tenant); created on first use. */
export function ensureOrganization(db: EmulatorDatabase, now: number): OrganizationRow {
  const existing = db
    .prepare("SELECT id, name, license_id FROM organizations ORDER BY created_at LIMIT 1")
    .get() as OrganizationRow | undefined;
  if (existing !== undefined) return existing;
  const organization: OrganizationRow = {
    id: crypto.randomUUID(),
    name: "Emulator Organization",
    license_id: crypto.randomUUID(),
  };
  db.prepare("INSERT INTO organizations (id, name, license_id, created_at) VALUES (?, ?, ?, ?)").run(
    organization.id,
    organization.name,
    organization.license_id,
    now,
  );
  return organization;
}

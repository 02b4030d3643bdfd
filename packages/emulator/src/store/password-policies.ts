import type { EmulatorDatabase } from "./database.js";

/** A policy to store: `policy` holds the rules as PingOne's PasswordPolicy attributes. */
export interface NewPasswordPolicy {
  name: string;
  description: string;
  isDefault: boolean;
  policy: Record<string, unknown>;
}

export interface PasswordPolicyRow {
  id: string;
  environment_id: string;
  name: string;
  description: string | null;
  is_default: number;
  policy: string;
  created_at: number;
  updated_at: number;
}

export function insertPasswordPolicy(
  db: EmulatorDatabase,
  environmentId: string,
  policy: NewPasswordPolicy,
  now: number,
): string {
  const id = crypto.randomUUID();
  db.prepare(
    `INSERT INTO password_policies (id, environment_id, name, description, is_default, policy, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    environmentId,
    policy.name,
    policy.description,
    policy.isDefault ? 1 : 0,
    JSON.stringify(policy.policy),
    now,
    now,
  );
  return id;
}

export function findPasswordPolicy(
  db: EmulatorDatabase,
  environmentId: string,
  id: string,
): PasswordPolicyRow | undefined {
  return db
    .prepare("SELECT * FROM password_policies WHERE id = ? AND environment_id = ?")
    .get(id, environmentId) as PasswordPolicyRow | undefined;
}

export function findDefaultPasswordPolicy(
  db: EmulatorDatabase,
  environmentId: string,
): PasswordPolicyRow | undefined {
  return db
    .prepare("SELECT * FROM password_policies WHERE environment_id = ? AND is_default = 1")
    .get(environmentId) as PasswordPolicyRow | undefined;
}

/** The policy that governs a population: its own, else the environment default. */
export function effectivePasswordPolicy(
  db: EmulatorDatabase,
  environmentId: string,
  populationPolicyId: string | null,
): PasswordPolicyRow | undefined {
  if (populationPolicyId !== null) {
    const own = findPasswordPolicy(db, environmentId, populationPolicyId);
    if (own !== undefined) return own;
  }
  return findDefaultPasswordPolicy(db, environmentId);
}

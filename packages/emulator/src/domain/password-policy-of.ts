import type { EmulatorDatabase } from "../store/database.js";
import { effectivePasswordPolicy, type PasswordPolicyRow } from "../store/password-policies.js";
import { findPopulation } from "../store/populations.js";
import type { PasswordPolicyRules } from "./password-policy.js";

/** The policy governing a population (its own, else the environment default) and its rules. */
export interface GoverningPolicy {
  /** Absent only for an environment seeded without password policies. */
  policy: PasswordPolicyRow | undefined;
  rules: PasswordPolicyRules;
}

export function policyOfPopulation(
  db: EmulatorDatabase,
  environmentId: string,
  populationId: string,
): GoverningPolicy {
  const population = findPopulation(db, environmentId, populationId);
  const policy = effectivePasswordPolicy(db, environmentId, population?.password_policy_id ?? null);
  return { policy, rules: policy === undefined ? {} : (JSON.parse(policy.policy) as PasswordPolicyRules) };
}

import {
  generateClientSecret,
  insertWorkerApplication,
  type TokenAuthMethod,
  type WorkerApplication,
} from "../store/applications.js";
import type { EmulatorDatabase } from "../store/database.js";
import { insertEnvironment } from "../store/environments.js";
import { ensureOrganization } from "../store/organizations.js";
import { insertPasswordPolicy } from "../store/password-policies.js";
import { insertPopulation } from "../store/populations.js";
import { defaultPasswordPolicies } from "./default-password-policies.js";
import { defaultWorkerRoles, type RoleName } from "./roles.js";

export interface EnvironmentRequest {
  id?: string;
  name?: string;
  description?: string;
  region?: string;
  type?: string;
  customUserAttributes?: readonly string[];
  /** The default population's name ("Default" when absent) and id (random when absent). */
  defaultPopulationName?: string;
  defaultPopulationId?: string;
}

export interface ProvisionedEnvironment {
  environmentId: string;
  defaultPopulationId: string;
  passwordPolicyIds: Record<string, string>;
}

/**
 * Creates an environment the way PingOne hands one out: a default population and the three default
 * password policies (Standard as the default). Call inside a transaction.
 */
export function provisionEnvironment(
  db: EmulatorDatabase,
  request: EnvironmentRequest,
  now: number,
): ProvisionedEnvironment {
  const organization = ensureOrganization(db, now);
  const environmentId = request.id ?? crypto.randomUUID();
  insertEnvironment(db, {
    id: environmentId,
    organizationId: organization.id,
    name: request.name ?? `Emulator ${environmentId.slice(0, 8)}`,
    description: request.description,
    type: request.type ?? "SANDBOX",
    region: request.region ?? "NA",
    licenseId: organization.license_id,
    customUserAttributes: request.customUserAttributes ?? [],
    now,
  });
  const passwordPolicyIds: Record<string, string> = {};
  for (const policy of defaultPasswordPolicies) {
    passwordPolicyIds[policy.name] = insertPasswordPolicy(db, environmentId, policy, now);
  }
  const defaultPopulationId = insertPopulation(
    db,
    environmentId,
    {
      name: request.defaultPopulationName ?? "Default",
      description: "The environment's default population",
      isDefault: true,
      alternativeIdentifiers: [],
      passwordPolicyId: null,
      themeId: null,
      preferredLanguage: null,
    },
    now,
    request.defaultPopulationId,
  );
  return { environmentId, defaultPopulationId, passwordPolicyIds };
}

export interface WorkerRequest {
  clientId?: string;
  clientSecret?: string;
  name?: string;
  tokenAuthMethod?: TokenAuthMethod;
  roles?: readonly RoleName[];
}

/** Adds a worker application (Environment Admin + Identity Data Admin unless `roles` says otherwise). */
export function provisionWorker(
  db: EmulatorDatabase,
  environmentId: string,
  request: WorkerRequest,
  now: number,
): WorkerApplication {
  const application: WorkerApplication = {
    id: request.clientId ?? crypto.randomUUID(),
    environmentId,
    name: request.name ?? "Emulator Worker",
    clientSecret: request.clientSecret ?? generateClientSecret(),
    tokenAuthMethod: request.tokenAuthMethod ?? "CLIENT_SECRET_BASIC",
    roles: [...(request.roles ?? defaultWorkerRoles)],
  };
  insertWorkerApplication(db, application, now);
  return application;
}

import type { EmulatorContext } from "../context.js";
import { uniquenessViolation } from "../domain/errors.js";
import { provisionWorker } from "../domain/provision-environment.js";
import { assertKnownRoles, type RoleName } from "../domain/roles.js";
import type { JsonObject, ObjectSpec } from "../domain/validation.js";
import { applicationExists, type TokenAuthMethod, tokenAuthMethods } from "../store/applications.js";
import { checkEntry, SEED_TEXT, seedEntries, seedStep } from "./seed-entries.js";

const WORKER_SPEC: ObjectSpec = {
  clientId: SEED_TEXT,
  clientSecret: SEED_TEXT,
  name: SEED_TEXT,
  tokenAuthMethod: { kind: "string", allowed: tokenAuthMethods },
  roles: { kind: "stringArray" },
};

export interface SeededWorker {
  clientId: string;
  clientSecret: string;
  tokenAuthMethod: TokenAuthMethod;
  roles: RoleName[];
}

/** The environment's workers; without `workers` one default worker (Environment + Identity Data Admin). */
export function seedWorkers(
  ctx: EmulatorContext,
  environmentId: string,
  environment: JsonObject,
  at: string,
): SeededWorker[] {
  const declared = seedEntries(environment, "workers", at);
  const requests = declared.length === 0 ? [{ entry: {} as JsonObject, at: `${at}.workers[0]` }] : declared;
  return requests.map(({ entry, at: where }) => {
    checkEntry(where, entry, WORKER_SPEC);
    const clientId = entry.clientId as string | undefined;
    const roles = seedStep(where, () => {
      if (clientId !== undefined && applicationExists(ctx.db, clientId))
        throw uniquenessViolation("clientId", clientId);
      return assertKnownRoles(entry.roles as string[] | undefined, "roles");
    });
    const worker = provisionWorker(
      ctx.db,
      environmentId,
      {
        clientId,
        clientSecret: entry.clientSecret as string | undefined,
        name: entry.name as string | undefined,
        tokenAuthMethod: entry.tokenAuthMethod as TokenAuthMethod | undefined,
        roles,
      },
      ctx.clock.now(),
    );
    return {
      clientId: worker.id,
      clientSecret: worker.clientSecret,
      tokenAuthMethod: worker.tokenAuthMethod,
      roles: worker.roles as RoleName[],
    };
  });
}

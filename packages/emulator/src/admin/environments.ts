import { ENVIRONMENT_REGIONS, ENVIRONMENT_TYPES } from "../domain/environments.js";
import { uniquenessViolation } from "../domain/errors.js";
import { provisionEnvironment, provisionWorker } from "../domain/provision-environment.js";
import { assertKnownRoles } from "../domain/roles.js";
import { assertCustomAttributeNames } from "../domain/user-attributes.js";
import { assertValid, type ObjectSpec } from "../domain/validation.js";
import { readJsonObject } from "../http/json-body.js";
import { type TokenAuthMethod, tokenAuthMethods } from "../store/applications.js";
import { findEnvironment } from "../store/environments.js";
import type { BackDoorModule } from "./back-door-module.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const ENVIRONMENT_REQUEST_SPEC: ObjectSpec = {
  id: { kind: "string", pattern: UUID },
  name: { kind: "string", minLength: 1, maxLength: 256 },
  description: { kind: "string", maxLength: 1024 },
  region: { kind: "string", allowed: ENVIRONMENT_REGIONS },
  type: { kind: "string", allowed: ENVIRONMENT_TYPES },
  tokenAuthMethod: { kind: "string", allowed: tokenAuthMethods },
  roles: { kind: "stringArray" },
  customUserAttributes: { kind: "stringArray" },
};

/**
 * `POST /_emulator/environments`: an environment as PingOne hands one out (default population, the
 * three password policies) and a worker application, with its credentials (docs/emulator.md#back-door).
 */
export const environmentRoutes: BackDoorModule = (app, ctx) => {
  app.post("/_emulator/environments", async (c) => {
    const body = await readJsonObject(c);
    assertValid(body, ENVIRONMENT_REQUEST_SPEC);
    const roles = assertKnownRoles(body.roles as string[] | undefined, "roles");
    const customUserAttributes = body.customUserAttributes as string[] | undefined;
    assertCustomAttributeNames(customUserAttributes ?? [], "customUserAttributes");
    const requestedId = body.id as string | undefined;
    const { environment, worker } = ctx.db.transaction(() => {
      if (requestedId !== undefined && findEnvironment(ctx.db, requestedId) !== undefined) {
        throw uniquenessViolation("id", requestedId);
      }
      const now = ctx.clock.now();
      const request = {
        id: requestedId,
        name: body.name as string | undefined,
        description: body.description as string | undefined,
        region: body.region as string | undefined,
        type: body.type as string | undefined,
        customUserAttributes,
      };
      const provisioned = provisionEnvironment(ctx.db, request, now);
      const tokenAuthMethod = body.tokenAuthMethod as TokenAuthMethod | undefined;
      return {
        environment: provisioned,
        worker: provisionWorker(ctx.db, provisioned.environmentId, { tokenAuthMethod, roles }, now),
      };
    })();
    const origin = new URL(c.req.url).origin;
    return c.json(
      {
        environmentId: environment.environmentId,
        clientId: worker.id,
        clientSecret: worker.clientSecret,
        tokenAuthMethod: worker.tokenAuthMethod,
        authUrl: origin,
        apiUrl: origin,
      },
      201,
    );
  });
};

import type { Context } from "hono";
import type { EmulatorContext } from "../context.js";
import { consentCounts, hasEnabledDefaultLanguage } from "../domain/agreement-rules.js";
import { Roles } from "../domain/roles.js";
import { halCollection } from "../http/hal.js";
import { type JsonObject, readJsonObject } from "../http/json-body.js";
import { invalidData, notFound, uniquenessViolation } from "../http/pingone-error.js";
import { assertValid, type ObjectSpec } from "../http/validation.js";
import { requireRole } from "../middleware/bearer-auth.js";
import { agreementBody } from "../representations/agreement.js";
import { listAgreementConsents } from "../store/agreement-consents.js";
import { listAgreementLanguages } from "../store/agreement-languages.js";
import {
  type AgreementFields,
  type AgreementRecord,
  deleteAgreement,
  findAgreement,
  findAgreementIdByName,
  insertAgreement,
  listAgreements,
  updateAgreement,
} from "../store/agreements.js";
import { AgreementMessages } from "./agreement-messages.js";
import type { RouteModule } from "./route-module.js";

const AGREEMENT_SPEC: ObjectSpec = {
  name: { kind: "string", minLength: 1, maxLength: 255 },
  description: { kind: "string", maxLength: 1024 },
  enabled: { kind: "boolean" },
  reconsentPeriodDays: { kind: "number", min: 1 },
  id: { kind: "readOnly" },
  environment: { kind: "readOnly" },
  totalConsents: { kind: "readOnly" },
  totalExpiredConsents: { kind: "readOnly" },
  consentsAggregatedAt: { kind: "readOnly" },
  _links: { kind: "readOnly" },
};

function agreementFields(body: JsonObject): AgreementFields {
  assertValid(body, AGREEMENT_SPEC, { required: ["name", "enabled"] });
  return {
    name: body.name as string,
    description: (body.description as string | null | undefined) ?? null,
    enabled: body.enabled as boolean,
    reconsentPeriodDays: (body.reconsentPeriodDays as number | null | undefined) ?? null,
  };
}

function assertUniqueName(
  ctx: EmulatorContext,
  environmentId: string,
  name: string,
  exceptId?: string,
): void {
  const existing = findAgreementIdByName(ctx.db, environmentId, name, exceptId);
  if (existing !== undefined) throw uniquenessViolation("name", existing, ctx.settings.duplicateStatus);
}

/** Enabling needs content in the environment's default language (PingOne: "Agreement configuration"). */
function assertCanEnable(ctx: EmulatorContext, agreementId: string | undefined): void {
  const languages = agreementId === undefined ? [] : listAgreementLanguages(ctx.db, agreementId);
  if (!hasEnabledDefaultLanguage(languages)) {
    throw invalidData([
      { code: "INVALID_VALUE", target: "enabled", message: AgreementMessages.enableWithoutDefaultLanguage },
    ]);
  }
}

/** Validates a create body and stores the agreement, as `POST P/agreements` does. Call inside a transaction. */
export function createAgreement(
  ctx: EmulatorContext,
  environmentId: string,
  body: JsonObject,
  id: string = crypto.randomUUID(),
): AgreementRecord {
  const fields = agreementFields(body);
  assertUniqueName(ctx, environmentId, fields.name);
  if (fields.enabled) assertCanEnable(ctx, undefined);
  return insertAgreement(ctx.db, environmentId, fields, ctx.clock.now(), id);
}

/** Replaces an agreement's settings, as `PUT P/agreements/{id}` does. Call inside a transaction. */
export function replaceAgreement(
  ctx: EmulatorContext,
  agreement: AgreementRecord,
  body: JsonObject,
): AgreementRecord {
  const fields = agreementFields(body);
  assertUniqueName(ctx, agreement.environmentId, fields.name, agreement.id);
  if (fields.enabled && !agreement.enabled) assertCanEnable(ctx, agreement.id);
  updateAgreement(ctx.db, agreement.id, fields, ctx.clock.now());
  return { ...agreement, ...fields };
}

/** The agreement named in the path, or 404 NOT_FOUND. */
export function requireAgreement(
  ctx: EmulatorContext,
  environmentId: string,
  agreementId: string,
): AgreementRecord {
  const agreement = findAgreement(ctx.db, environmentId, agreementId);
  if (agreement === undefined) throw notFound();
  return agreement;
}

/** The agreement's body with its consent counters as of now. */
export function renderAgreement(c: Context, ctx: EmulatorContext, agreement: AgreementRecord) {
  const now = ctx.clock.now();
  const counts = consentCounts(listAgreementConsents(ctx.db, agreement.id), now);
  return agreementBody(c, agreement, { ...counts, aggregatedAt: now });
}

/** `P/agreements[/{agreementId}]`, under Environment Admin; the list is not paged. */
export const agreementRoutes: RouteModule = (app, ctx) => {
  const collection = "/v1/environments/:envId/agreements";
  const item = `${collection}/:agreementId`;
  const guard = requireRole(Roles.environmentAdmin);

  app.get(collection, guard, (c) => {
    const agreements = listAgreements(ctx.db, c.req.param("envId")).map((a) => renderAgreement(c, ctx, a));
    return c.json(halCollection(c, "agreements", agreements, { count: agreements.length }));
  });

  app.post(collection, guard, async (c) => {
    const body = await readJsonObject(c);
    const agreement = ctx.db.transaction(() => createAgreement(ctx, c.req.param("envId"), body))();
    return c.json(renderAgreement(c, ctx, agreement), 201);
  });

  app.get(item, guard, (c) => {
    const agreement = requireAgreement(ctx, c.req.param("envId"), c.req.param("agreementId"));
    return c.json(renderAgreement(c, ctx, agreement));
  });

  app.put(item, guard, async (c) => {
    const body = await readJsonObject(c);
    const agreement = ctx.db.transaction(() =>
      replaceAgreement(ctx, requireAgreement(ctx, c.req.param("envId"), c.req.param("agreementId")), body),
    )();
    return c.json(renderAgreement(c, ctx, agreement));
  });

  app.delete(item, guard, (c) => {
    ctx.db.transaction(() => {
      const agreement = requireAgreement(ctx, c.req.param("envId"), c.req.param("agreementId"));
      deleteAgreement(ctx.db, agreement.id);
    })();
    return c.body(null, 204);
  });
};

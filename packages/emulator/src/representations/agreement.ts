import type { Context } from "hono";
import { toIsoTimestamp } from "../clock.js";
import type { EmulatorContext } from "../context.js";
import { consentCounts } from "../domain/agreement-rules.js";
import { links } from "../http/hal.js";
import { listAgreementConsents } from "../store/agreement-consents.js";
import type { AgreementRecord } from "../store/agreements.js";
import { agreementPaths } from "./agreement-paths.js";

export interface AgreementCounters {
  totalConsents: number;
  totalExpiredConsents: number;
  /** When the counters were computed. */
  aggregatedAt: number;
}

/** An agreement as PingOne returns it: its settings plus the read-only consent counters. */
export function agreementBody(c: Context, agreement: AgreementRecord, counters: AgreementCounters) {
  const self = agreementPaths.agreement(agreement.environmentId, agreement.id);
  const body: Record<string, unknown> = {
    _links: links(c, {
      self,
      environment: agreementPaths.environment(agreement.environmentId),
      languages: `${self}/languages`,
    }),
    id: agreement.id,
    environment: { id: agreement.environmentId },
    name: agreement.name,
    enabled: agreement.enabled,
  };
  if (agreement.description !== null) body.description = agreement.description;
  if (agreement.reconsentPeriodDays !== null) body.reconsentPeriodDays = agreement.reconsentPeriodDays;
  body.totalConsents = counters.totalConsents;
  body.totalExpiredConsents = counters.totalExpiredConsents;
  body.consentsAggregatedAt = toIsoTimestamp(counters.aggregatedAt);
  return body;
}

/** The agreement's body with its consent counters as of now. */
export function renderAgreement(c: Context, ctx: EmulatorContext, agreement: AgreementRecord) {
  const now = ctx.clock.now();
  const counts = consentCounts(listAgreementConsents(ctx.db, agreement.id), now);
  return agreementBody(c, agreement, { ...counts, aggregatedAt: now });
}

import type { BackDoorState } from "../app.js";
import { toIsoTimestamp } from "../clock.js";
import type { EmulatorContext } from "../context.js";
import { listOutboxMessages } from "../domain/outbox.js";
import { allRoleNames, type RoleName } from "../domain/roles.js";
import { assertCustomAttributeNames } from "../domain/user-attributes.js";
import type { EmulatorApp } from "../http/hono-env.js";
import { readJsonObject } from "../http/json-body.js";
import { invalidData, uniquenessViolation } from "../http/pingone-error.js";
import { assertValid, type ObjectSpec } from "../http/validation.js";
import { type TokenAuthMethod, tokenAuthMethods } from "../store/applications.js";
import { deleteAllRows } from "../store/database.js";
import { findEnvironment } from "../store/environments.js";
import type { FaultRule } from "./fault-injector.js";
import { provisionEnvironment, provisionWorker } from "./provision-environment.js";
import { applySeed, SeedError } from "./seed.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REGIONS = ["NA", "EU", "AP", "CA", "AU", "SG"] as const;

const environmentRequestSpec: ObjectSpec = {
  id: { kind: "string", pattern: UUID },
  name: { kind: "string", minLength: 1, maxLength: 256 },
  description: { kind: "string", maxLength: 1024 },
  region: { kind: "string", allowed: REGIONS },
  type: { kind: "string", allowed: ["SANDBOX", "PRODUCTION"] },
  tokenAuthMethod: { kind: "string", allowed: tokenAuthMethods },
  roles: { kind: "stringArray" },
  customUserAttributes: { kind: "stringArray" },
};

const faultRuleSpec: ObjectSpec = {
  method: { kind: "string", allowed: ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] },
  path: { kind: "string", minLength: 1 },
  status: { kind: "integer", min: 400, max: 599 },
  count: { kind: "integer", min: 1 },
  retryAfter: { kind: "integer", min: 0 },
  delayMs: { kind: "integer", min: 0, max: 120_000 },
  resetConnection: { kind: "boolean" },
  malformedBody: { kind: "boolean" },
  when: { kind: "string", allowed: ["before", "after"] },
};

function checkRoles(roles: unknown, target: string): RoleName[] | undefined {
  if (roles === undefined) return undefined;
  const list = roles as string[];
  const unknown = list.filter((role) => !(allRoleNames as readonly string[]).includes(role));
  if (unknown.length > 0) {
    throw invalidData([
      {
        code: "INVALID_VALUE",
        target,
        message: "contains unknown roles",
        innerError: { allowedValues: [...allRoleNames] },
      },
    ]);
  }
  return list as RoleName[];
}

function parseFaultRules(body: Record<string, unknown>): FaultRule[] {
  const rules = body.rules;
  if (!Array.isArray(rules) || rules.length === 0) {
    throw invalidData([
      { code: "REQUIRED_VALUE", target: "rules", message: "must be a non-empty array of rules" },
    ]);
  }
  return rules.map((rule: unknown, index) => {
    if (typeof rule !== "object" || rule === null || Array.isArray(rule)) {
      throw invalidData([{ code: "INVALID_VALUE", target: `rules[${index}]`, message: "must be an object" }]);
    }
    const candidate = rule as Record<string, unknown>;
    const { probability, ...rest } = candidate;
    assertValid(rest, faultRuleSpec, { required: ["path"] });
    if (
      probability !== undefined &&
      (typeof probability !== "number" || probability < 0 || probability > 1)
    ) {
      throw invalidData([
        {
          code: "OUT_OF_RANGE",
          target: `rules[${index}].probability`,
          message: "must be a number from 0 to 1",
        },
      ]);
    }
    if (probability !== undefined && candidate.count !== undefined) {
      throw invalidData([
        {
          code: "INVALID_VALUE",
          target: `rules[${index}]`,
          message: "count and probability are mutually exclusive",
        },
      ]);
    }
    return candidate as unknown as FaultRule;
  });
}

/**
 * The `/_emulator` back door: no PingOne auth, never under `/v1`. It provisions environments, exposes
 * the outbox, injects faults and rate limits, moves the clock, counts requests, seeds and resets.
 */
export function backDoorRoutes(app: EmulatorApp, ctx: EmulatorContext, state: BackDoorState): void {
  const { db, clock } = ctx;

  app.get("/_emulator/health", (c) => c.json({ status: "ok", now: toIsoTimestamp(clock.now()) }));

  app.post("/_emulator/environments", async (c) => {
    const body = await readJsonObject(c);
    assertValid(body, environmentRequestSpec);
    const roles = checkRoles(body.roles, "roles");
    assertCustomAttributeNames(
      (body.customUserAttributes as string[] | undefined) ?? [],
      "customUserAttributes",
    );
    const requestedId = body.id as string | undefined;
    const origin = new URL(c.req.url).origin;
    const result = db.transaction(() => {
      if (requestedId !== undefined && findEnvironment(db, requestedId) !== undefined) {
        throw uniquenessViolation("id", requestedId, ctx.settings.duplicateStatus);
      }
      const now = clock.now();
      const environment = provisionEnvironment(
        db,
        {
          id: requestedId,
          name: body.name as string | undefined,
          description: body.description as string | undefined,
          region: body.region as string | undefined,
          type: body.type as string | undefined,
          customUserAttributes: body.customUserAttributes as string[] | undefined,
        },
        now,
      );
      const worker = provisionWorker(
        db,
        environment.environmentId,
        { tokenAuthMethod: body.tokenAuthMethod as TokenAuthMethod | undefined, roles },
        now,
      );
      return { environment, worker };
    })();
    return c.json(
      {
        environmentId: result.environment.environmentId,
        clientId: result.worker.id,
        clientSecret: result.worker.clientSecret,
        tokenAuthMethod: result.worker.tokenAuthMethod,
        authUrl: origin,
        apiUrl: origin,
      },
      201,
    );
  });

  app.get("/_emulator/outbox", (c) => {
    const messages = listOutboxMessages(db, {
      environmentId: c.req.query("environmentId") || undefined,
      userId: c.req.query("userId") || undefined,
      type: c.req.query("type") || undefined,
    });
    return c.json({ messages });
  });

  app.get("/_emulator/faults", (c) => c.json({ rules: state.faults.list() }));
  app.post("/_emulator/faults", async (c) => {
    const rules = parseFaultRules(await readJsonObject(c));
    state.faults.add(rules);
    return c.json({ rules: state.faults.list() }, 201);
  });
  app.delete("/_emulator/faults", (c) => {
    state.faults.clear();
    return c.body(null, 204);
  });

  app.post("/_emulator/rate-limit", async (c) => {
    const body = await readJsonObject(c);
    const { requestsPerSecond, ...rest } = body;
    assertValid(rest, { environmentId: { kind: "string", minLength: 1 } }, { required: ["environmentId"] });
    const environmentId = body.environmentId as string;
    if (requestsPerSecond === null) {
      state.rateLimiter.removeLimit(environmentId);
      return c.json({ environmentId, requestsPerSecond: null });
    }
    if (
      typeof requestsPerSecond !== "number" ||
      !(requestsPerSecond > 0) ||
      !Number.isFinite(requestsPerSecond)
    ) {
      throw invalidData([
        {
          code: "INVALID_VALUE",
          target: "requestsPerSecond",
          message: "must be a positive number, or null to remove the limit",
        },
      ]);
    }
    state.rateLimiter.setLimit(environmentId, requestsPerSecond);
    return c.json({ environmentId, requestsPerSecond });
  });

  app.get("/_emulator/clock", (c) => c.json({ now: toIsoTimestamp(clock.now()) }));
  app.post("/_emulator/clock", async (c) => {
    const body = await readJsonObject(c);
    const seconds = body.advanceSeconds;
    const extra = Object.keys(body).filter((key) => key !== "advanceSeconds");
    if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds < 0 || extra.length > 0) {
      throw invalidData([
        {
          code: "INVALID_VALUE",
          target: "advanceSeconds",
          message: "must be a non-negative number of seconds",
        },
      ]);
    }
    clock.advance(seconds);
    return c.json({ now: toIsoTimestamp(clock.now()) });
  });

  app.get("/_emulator/stats", (c) => c.json(state.stats.snapshot()));

  app.post("/_emulator/seed", async (c) => {
    const document = await readJsonObject(c);
    try {
      return c.json(applySeed(ctx, document), 201);
    } catch (error) {
      if (error instanceof SeedError) {
        throw invalidData([{ code: "INVALID_VALUE", target: "seed", message: error.message }]);
      }
      throw error;
    }
  });

  app.post("/_emulator/reset", (c) => {
    deleteAllRows(db);
    state.faults.clear();
    state.rateLimiter.reset();
    state.stats.reset();
    return c.body(null, 204);
  });
}

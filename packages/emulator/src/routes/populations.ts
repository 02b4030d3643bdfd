import { toPopulationResource } from "../domain/population-resource.js";
import { Roles } from "../domain/roles.js";
import { ErrorMessages } from "../http/error-messages.js";
import { compileFilterParameter } from "../http/filter-query.js";
import { halCollection, hrefWithCursor } from "../http/hal.js";
import { readJsonObject } from "../http/json-body.js";
import { decodeCursor, encodeCursor, parseLimit } from "../http/paging.js";
import { invalidData, notFound, requestFailed, uniquenessViolation } from "../http/pingone-error.js";
import { assertValid, type ObjectSpec } from "../http/validation.js";
import { requireRole } from "../middleware/bearer-auth.js";
import { populationsFilterSchema } from "../scim/filter-schemas.js";
import type { EmulatorDatabase } from "../store/database.js";
import { findPasswordPolicy } from "../store/password-policies.js";
import {
  countPopulationUsers,
  deletePopulation,
  findPopulation,
  findPopulationByName,
  insertPopulation,
  type PopulationFields,
  type PopulationRow,
  updatePopulation,
} from "../store/populations.js";
import type { RouteModule } from "./route-module.js";

const READ_ONLY = { kind: "readOnly" } as const;

const populationSpec: ObjectSpec = {
  name: { kind: "string", minLength: 1, maxLength: 256 },
  description: { kind: "string", maxLength: 1024 },
  default: { kind: "boolean" },
  alternativeIdentifiers: { kind: "stringArray", maxItems: 100 },
  passwordPolicy: { kind: "object", fields: { id: { kind: "string", minLength: 1 } }, required: ["id"] },
  theme: { kind: "object", fields: { id: { kind: "string", minLength: 1 } } },
  preferredLanguage: { kind: "string", minLength: 1, maxLength: 64 },
  id: READ_ONLY,
  environment: READ_ONLY,
  userCount: READ_ONLY,
  createdAt: READ_ONLY,
  updatedAt: READ_ONLY,
  _links: READ_ONLY,
};

const POPULATION_COLUMNS: Readonly<Record<string, string>> = { name: "p.name", id: "p.id" };
const POPULATIONS_PAGE = { fallback: 100, max: 1000 };

function fieldsFromBody(body: Record<string, unknown>): PopulationFields {
  return {
    name: body.name as string,
    description: (body.description as string | null | undefined) ?? null,
    isDefault: body.default === true,
    alternativeIdentifiers: (body.alternativeIdentifiers as string[] | null | undefined) ?? [],
    passwordPolicyId: (body.passwordPolicy as { id: string } | null | undefined)?.id ?? null,
    themeId: (body.theme as { id?: string } | null | undefined)?.id ?? null,
    preferredLanguage: (body.preferredLanguage as string | null | undefined) ?? null,
  };
}

/** Checks references and uniqueness inside the write transaction. */
function checkPopulationFields(
  db: EmulatorDatabase,
  environmentId: string,
  fields: PopulationFields,
  selfId: string | undefined,
  duplicateStatus: 400 | 409,
): void {
  if (
    fields.passwordPolicyId !== null &&
    findPasswordPolicy(db, environmentId, fields.passwordPolicyId) === undefined
  ) {
    throw invalidData([
      { code: "INVALID_VALUE", target: "passwordPolicy.id", message: ErrorMessages.unknownPasswordPolicy },
    ]);
  }
  const sameName = findPopulationByName(db, environmentId, fields.name);
  if (sameName !== undefined && sameName.id !== selfId) {
    throw uniquenessViolation("name", sameName.id, duplicateStatus);
  }
}

/** Populations: CRUD, the default population, filters `name sw` and `id eq` (pingone-api.md §10.2). */
export const populationRoutes: RouteModule = (app, ctx) => {
  const { db, clock } = ctx;
  const guard = requireRole(Roles.identityDataAdmin, Roles.environmentAdmin);
  const base = "/v1/environments/:envId/populations";

  const loadPopulation = (envId: string, id: string): PopulationRow => {
    const row = findPopulation(db, envId, id);
    if (row === undefined) throw notFound();
    return row;
  };

  app.get(base, guard, (c) => {
    const envId = c.req.param("envId");
    const limit = parseLimit(c, POPULATIONS_PAGE);
    const after = decodeCursor(c);
    const filter = compileFilterParameter(c, populationsFilterSchema, {
      column: (attribute) => ({ sql: POPULATION_COLUMNS[attribute] ?? "NULL", params: [] }),
      valuePath: () => ({ sql: "0", params: [] }),
    });
    const where = filter === undefined ? "p.environment_id = ?" : `p.environment_id = ? AND ${filter.sql}`;
    const params = filter === undefined ? [envId] : [envId, ...filter.params];
    const count = db
      .prepare(`SELECT COUNT(*) FROM populations p WHERE ${where}`)
      .pluck()
      .get(...params) as number;
    const rows = db
      .prepare(
        `SELECT p.rowid AS position, p.*
           FROM populations p WHERE ${where} AND p.rowid > ? ORDER BY p.rowid LIMIT ?`,
      )
      .all(...params, after, limit + 1) as (PopulationRow & { position: number })[];
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const nextHref =
      rows.length > limit && last !== undefined
        ? hrefWithCursor(c, encodeCursor(c, last.position))
        : undefined;
    const items = page.map((row) => toPopulationResource(c, row, countPopulationUsers(db, row.id)));
    return c.json(halCollection(c, "populations", items, { count, nextHref }));
  });

  app.post(base, guard, async (c) => {
    const envId = c.req.param("envId");
    const body = await readJsonObject(c);
    assertValid(body, populationSpec, { required: ["name"] });
    const fields = fieldsFromBody(body);
    const created = db.transaction(() => {
      checkPopulationFields(db, envId, fields, undefined, ctx.settings.duplicateStatus);
      const id = insertPopulation(db, envId, fields, clock.now());
      return loadPopulation(envId, id);
    })();
    return c.json(toPopulationResource(c, created, 0), 201);
  });

  app.get(`${base}/:populationId`, guard, (c) => {
    const row = loadPopulation(c.req.param("envId"), c.req.param("populationId"));
    return c.json(toPopulationResource(c, row, countPopulationUsers(db, row.id)));
  });

  app.put(`${base}/:populationId`, guard, async (c) => {
    const envId = c.req.param("envId");
    const body = await readJsonObject(c);
    assertValid(body, populationSpec, { required: ["name"] });
    const fields = fieldsFromBody(body);
    const updated = db.transaction(() => {
      const existing = loadPopulation(envId, c.req.param("populationId"));
      // The default flag moves to another population; it cannot be dropped from the only default.
      const keepDefault = existing.is_default === 1 && body.default === undefined;
      if (existing.is_default === 1 && body.default === false) {
        throw invalidData([
          {
            code: "INVALID_VALUE",
            target: "default",
            message: "make another population the default instead",
          },
        ]);
      }
      checkPopulationFields(db, envId, fields, existing.id, ctx.settings.duplicateStatus);
      updatePopulation(
        db,
        existing.id,
        envId,
        { ...fields, isDefault: fields.isDefault || keepDefault },
        clock.now(),
      );
      return loadPopulation(envId, existing.id);
    })();
    return c.json(toPopulationResource(c, updated, countPopulationUsers(db, updated.id)));
  });

  app.delete(`${base}/:populationId`, guard, (c) => {
    const envId = c.req.param("envId");
    db.transaction(() => {
      const existing = loadPopulation(envId, c.req.param("populationId"));
      if (existing.is_default === 1) {
        throw requestFailed(ErrorMessages.defaultPopulationDelete, [
          { code: "CONSTRAINT_VIOLATION", target: "default", message: ErrorMessages.defaultPopulationDelete },
        ]);
      }
      if (countPopulationUsers(db, existing.id) > 0) {
        throw requestFailed(ErrorMessages.populationHasUsers, [
          { code: "CONSTRAINT_VIOLATION", target: "userCount", message: ErrorMessages.populationHasUsers },
        ]);
      }
      deletePopulation(db, existing.id);
    })();
    return c.body(null, 204);
  });
};

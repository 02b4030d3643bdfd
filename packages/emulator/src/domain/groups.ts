import type { EmulatorContext } from "../context.js";
import { countAllMembers, countDirectMembers } from "../store/group-memberships.js";
import {
  deleteGroup,
  findConflictingGroupName,
  type GroupFields,
  type GroupRecord,
  insertGroup,
  updateGroup,
} from "../store/groups.js";
import { findPopulation } from "../store/populations.js";
import { requireGroup } from "./directory-lookups.js";
import { DirectoryMessages } from "./directory-messages.js";
import { dynamicGroupFilterCompiler, validateDynamicGroupFilter } from "./dynamic-group-filter.js";
import { ErrorMessages } from "./error-messages.js";
import { invalidData, uniquenessViolation } from "./errors.js";
import { withFilterErrors } from "./filter-errors.js";
import { assertValid, type JsonObject, type ObjectSpec } from "./validation.js";

const readOnly = { kind: "readOnly" } as const;

/** The writable attributes of a group (docs/emulator.md#groups); everything PingOne computes is read-only. */
const GROUP_SPEC: ObjectSpec = {
  name: { kind: "string", minLength: 1, maxLength: 256 },
  description: { kind: "string", maxLength: 1024 },
  population: { kind: "object", fields: { id: { kind: "string", minLength: 1 } }, required: ["id"] },
  userFilter: { kind: "string", minLength: 1, maxLength: 4096 },
  externalId: { kind: "string", maxLength: 1024 },
  customData: { kind: "anyObject" },
  id: readOnly,
  environment: readOnly,
  displayName: readOnly,
  sourceId: readOnly,
  sourceType: readOnly,
  directMemberCounts: readOnly,
  totalMemberCounts: readOnly,
  createdAt: readOnly,
  updatedAt: readOnly,
  _links: readOnly,
  _embedded: readOnly,
};

function groupFieldsFrom(body: JsonObject): GroupFields {
  assertValid(body, GROUP_SPEC, { required: ["name"] });
  const population = body.population as { id: string } | null | undefined;
  const optional = (key: string) => (typeof body[key] === "string" ? (body[key] as string) : null);
  return {
    name: body.name as string,
    populationId: population?.id ?? null,
    description: optional("description"),
    userFilter: optional("userFilter"),
    externalId: optional("externalId"),
    customData: (body.customData as Record<string, unknown> | null | undefined) ?? null,
  };
}

/** Checks what the body validator cannot: the population exists, the filter compiles, the name is free. */
function assertGroupFieldsUsable(
  ctx: EmulatorContext,
  environmentId: string,
  fields: GroupFields,
  existing?: GroupRecord,
): void {
  if (
    fields.populationId !== null &&
    findPopulation(ctx.db, environmentId, fields.populationId) === undefined
  ) {
    throw invalidData([
      { code: "INVALID_VALUE", target: "population.id", message: ErrorMessages.unknownPopulation },
    ]);
  }
  if (existing !== undefined && existing.populationId !== fields.populationId) {
    throw invalidData([
      { code: "INVALID_VALUE", target: "population.id", message: DirectoryMessages.groupPopulationImmutable },
    ]);
  }
  const userFilter = fields.userFilter;
  if (userFilter !== null) {
    withFilterErrors("userFilter", () =>
      validateDynamicGroupFilter(
        ctx.db,
        environmentId,
        userFilter,
        ctx.settings.caseInsensitiveUsernameEmail,
      ),
    );
  }
  const clash = findConflictingGroupName(
    ctx.db,
    environmentId,
    fields.name,
    fields.populationId,
    existing?.id,
  );
  if (clash !== undefined) throw uniquenessViolation("name", clash);
}

/**
 * Validates a group body as `POST P/groups` does and stores it; the seed loader uses it too (with its own
 * id). Call inside a write transaction.
 */
export function createGroup(
  ctx: EmulatorContext,
  environmentId: string,
  body: JsonObject,
  id: string = crypto.randomUUID(),
): GroupRecord {
  const fields = groupFieldsFrom(body);
  assertGroupFieldsUsable(ctx, environmentId, fields);
  return insertGroup(ctx.db, environmentId, fields, ctx.clock.now(), id);
}

/** `PUT P/groups/{id}`: every writable attribute is replaced; the population cannot change. */
export function replaceGroup(
  ctx: EmulatorContext,
  environmentId: string,
  groupId: string,
  body: JsonObject,
): GroupRecord {
  const fields = groupFieldsFrom(body);
  return ctx.db.transaction(() => {
    const existing = requireGroup(ctx, environmentId, groupId);
    assertGroupFieldsUsable(ctx, environmentId, fields, existing);
    return updateGroup(ctx.db, existing, fields, ctx.clock.now());
  })();
}

/** `DELETE P/groups/{id}`: its memberships and nestings go with it. */
export function removeGroup(ctx: EmulatorContext, environmentId: string, groupId: string): void {
  ctx.db.transaction(() => deleteGroup(ctx.db, requireGroup(ctx, environmentId, groupId).id))();
}

/** `directMemberCounts.users`, and `totalMemberCounts.users` (direct, dynamic and nested) when asked. */
export function groupMemberCounts(
  ctx: EmulatorContext,
  group: GroupRecord,
  withTotal: boolean,
): { directMembers: number; totalMembers?: number } {
  const directMembers = countDirectMembers(ctx.db, [group.id]).get(group.id) ?? 0;
  if (!withTotal) return { directMembers };
  const compiler = dynamicGroupFilterCompiler(
    ctx.db,
    group.environmentId,
    ctx.settings.caseInsensitiveUsernameEmail,
  );
  return { directMembers, totalMembers: countAllMembers(ctx.db, group.environmentId, group.id, compiler) };
}

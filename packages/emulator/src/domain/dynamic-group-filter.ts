import { ScimFilterError } from "../scim/filter-error.js";
import { parseFilter } from "../scim/filter-parser.js";
import type { FilterSchema } from "../scim/filter-schemas.js";
import { compileFilterToSql, type SqlFragment } from "../scim/filter-sql.js";
import type { EmulatorDatabase } from "../store/database.js";
import type { UserFilterCompiler } from "../store/group-memberships.js";
import { userFilterColumn } from "../store/users.js";
import { environmentUsersFilterSchema } from "./user-filter.js";

/**
 * A dynamic group's `userFilter` is a users filter without `memberOfGroups`: membership defined by
 * membership would be circular, and PingOne documents none.
 */
function dynamicGroupFilterSchema(
  db: EmulatorDatabase,
  environmentId: string,
  caseInsensitive: boolean,
): FilterSchema {
  return environmentUsersFilterSchema(db, { caseInsensitiveUsernameEmail: caseInsensitive }, environmentId, {
    memberOfGroups: false,
  });
}

function compileOnUsers(filter: string, schema: FilterSchema, userTable: string): SqlFragment {
  return compileFilterToSql(parseFilter(filter, schema), {
    column: userFilterColumn(userTable),
    valuePath() {
      // Unreachable: the schema declares no value paths, so the parser refuses them first.
      throw new ScimFilterError("memberOfGroups is not supported in a group's userFilter.");
    },
  });
}

/**
 * Checks a `userFilter` before it is stored.
 * @throws ScimFilterError with PingOne's `INVALID_FILTER` detail for anything the users filter refuses.
 */
export function validateDynamicGroupFilter(
  db: EmulatorDatabase,
  environmentId: string,
  userFilter: string,
  caseInsensitive: boolean,
): void {
  compileOnUsers(userFilter, dynamicGroupFilterSchema(db, environmentId, caseInsensitive), "users");
}

/**
 * The compiler group membership queries use to evaluate dynamic groups of one environment against the
 * users table. A stored filter that no longer compiles (a custom attribute was removed) matches nobody.
 */
export function dynamicGroupFilterCompiler(
  db: EmulatorDatabase,
  environmentId: string,
  caseInsensitive: boolean,
): UserFilterCompiler {
  let schema: FilterSchema | undefined;
  return (userFilter, userTable) => {
    schema ??= dynamicGroupFilterSchema(db, environmentId, caseInsensitive);
    try {
      return compileOnUsers(userFilter, schema, userTable);
    } catch (error) {
      if (error instanceof ScimFilterError) return { sql: "0", params: [] };
      throw error;
    }
  };
}

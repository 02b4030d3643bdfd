import { type FilterSchema, usersFilterSchema } from "../scim/filter-schemas.js";
import type { EmulatorSettings } from "../settings.js";
import type { EmulatorDatabase } from "../store/database.js";
import { declaredCustomAttributes } from "./create-user.js";

/**
 * The users filter of one environment (docs/emulator.md#filters): the standard attributes, its declared
 * custom attributes (names matched ignoring case), and `memberOfGroups[id eq …]` unless excluded.
 */
export function environmentUsersFilterSchema(
  db: EmulatorDatabase,
  settings: Pick<EmulatorSettings, "caseInsensitiveUsernameEmail">,
  environmentId: string,
  options: { memberOfGroups: boolean } = { memberOfGroups: true },
): FilterSchema {
  const declared = declaredCustomAttributes(db, environmentId);
  const schema = usersFilterSchema({
    caseInsensitiveIdentifiers: settings.caseInsensitiveUsernameEmail,
    customAttribute: (name) => declared.find((custom) => custom.toLowerCase() === name.toLowerCase()),
  });
  return options.memberOfGroups ? schema : { ...schema, valuePaths: [] };
}

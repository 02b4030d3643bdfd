import { type Static, Type } from "@sinclair/typebox";
import { defineCapability, type InputOf } from "../kit/definition.js";
import { escapeIdentifier } from "../kit/escape-identifier.js";
import { readCollection } from "../kit/read-collection.js";
import { succeed } from "../kit/result.js";
import { outputSchema } from "../kit/schema-helpers.js";
import { GroupMembershipSchema } from "../kit/schemas/group-membership.js";
import { resolveUser, userPath, userTarget } from "../kit/user-target.js";

/** A24 Read User Group Memberships: every membership of the user, all pages, groups expanded. */
export const readUserGroupMemberships = defineCapability({
  id: "readUserGroupMemberships",
  title: "Read User Group Memberships",
  description: "Find information about the groups to which users belong.",
  uses: [userTarget, escapeIdentifier],
  output: outputSchema({
    groupMemberships: Type.Array(GroupMembershipSchema, { description: "The user's groups, each embedded" }),
  }),
  examples: [
    { matchAttribute: "id", identifier: "f442f27a-6d9c-4280-891f-bed26a9bd9ce" },
    { matchAttribute: "email", identifier: "ping@pingidentity.com" },
  ],
  async handler(input, ctx) {
    const user = await resolveUser(ctx, input);
    const { items, response } = await readCollection<Record<string, unknown>>(
      ctx,
      `${userPath(ctx, user.id)}/memberOfGroups`,
      { embedded: "groupMemberships", query: { expand: "group", limit: 100 } },
    );
    // Several pages are reported as one collection, as flows read rawResponse._embedded.groupMemberships.
    const rawResponse = { _embedded: { groupMemberships: items }, count: items.length, size: items.length };
    return succeed({ groupMemberships: items }, response, { rawResponse });
  },
});

export type ReadUserGroupMembershipsInput = InputOf<typeof readUserGroupMemberships>;
export type ReadUserGroupMembershipsOutput = Static<typeof readUserGroupMemberships.output>;

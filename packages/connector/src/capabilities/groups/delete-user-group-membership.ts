import type { Static } from "@sinclair/typebox";
import { pathSegment } from "../../input/path-segment.js";
import { defineCapability, type InputOf } from "../kit/definition.js";
import { escapeIdentifier } from "../kit/escape-identifier.js";
import { succeed } from "../kit/result.js";
import { outputSchema } from "../kit/schema-helpers.js";
import { resolveUser, userPath, userTarget } from "../kit/user-target.js";
import { membershipGroup, membershipGroupId } from "./membership-properties.js";

/** A26 Delete User Group Membership: `DELETE P/users/{id}/memberOfGroups/{groupId}` → 204. */
export const deleteUserGroupMembership = defineCapability({
  id: "deleteUserGroupMembership",
  title: "Delete User Group Membership",
  description: "Remove a user from a group.",
  uses: [userTarget, membershipGroup, escapeIdentifier],
  output: outputSchema({}),
  errors: {
    notFound: "The user is not a direct member of this group, or no such group exists.",
    invalidValue: "PingOne refused the removal (a dynamic membership comes from the group's filter).",
    constraintViolation: "PingOne refused the removal for a constraint of the group.",
  },
  examples: [
    {
      matchAttribute: "id",
      identifier: "f442f27a-6d9c-4280-891f-bed26a9bd9ce",
      group: "useGroupId",
      groupId: "6c25c1a1-7c6f-4b86-8d1f-0f1bb9a5f9a3",
    },
    {
      matchAttribute: "email",
      identifier: "ping@pingidentity.com",
      groupId: "6c25c1a1-7c6f-4b86-8d1f-0f1bb9a5f9a3",
    },
  ],
  async handler(input, ctx) {
    const groupId = membershipGroupId(input);
    const user = await resolveUser(ctx, input);
    const response = await ctx.client.request({
      method: "DELETE",
      path: `${userPath(ctx, user.id)}/memberOfGroups/${pathSegment(groupId)}`,
      final: true,
    });
    return succeed({}, response);
  },
});

export type DeleteUserGroupMembershipInput = InputOf<typeof deleteUserGroupMembership>;
export type DeleteUserGroupMembershipOutput = Static<typeof deleteUserGroupMembership.output>;

import type { Static } from "@sinclair/typebox";
import { defineCapability, type InputOf } from "../kit/definition.js";
import { escapeIdentifier } from "../kit/escape-identifier.js";
import { succeed } from "../kit/result.js";
import { outputSchema } from "../kit/schema-helpers.js";
import { GroupMembershipSchema, type PingOneGroupMembership } from "../kit/schemas/group-membership.js";
import { withoutLinks } from "../kit/schemas/without-links.js";
import { resolveUser, userPath, userTarget } from "../kit/user-target.js";
import { membershipGroup, membershipGroupId } from "./membership-properties.js";

/** A25 Create User Group Membership: `POST P/users/{id}/memberOfGroups` `{id: groupId}` → 201. */
export const createUserGroupMembership = defineCapability({
  id: "createUserGroupMembership",
  title: "Create User Group Membership",
  description: "Add a user to a group.",
  uses: [userTarget, membershipGroup, escapeIdentifier],
  output: outputSchema({ groupMembership: GroupMembershipSchema }),
  errors: {
    notFound: "PingOne answered 404 (no such group).",
    invalidValue:
      "PingOne refused the group: it does not exist, is dynamic (its members come from its filter) or belongs to another population.",
    uniquenessViolation:
      "The user is already a member of this group, or of another group with the same name.",
    constraintViolation: "PingOne refused the membership for a constraint of the group.",
  },
  examples: [
    {
      matchAttribute: "id",
      identifier: "f442f27a-6d9c-4280-891f-bed26a9bd9ce",
      group: "useGroupId",
      groupId: "6c25c1a1-7c6f-4b86-8d1f-0f1bb9a5f9a3",
    },
    { matchAttribute: "username", identifier: "johndoe", groupId: "6c25c1a1-7c6f-4b86-8d1f-0f1bb9a5f9a3" },
  ],
  async handler(input, ctx) {
    const groupId = membershipGroupId(input);
    const user = await resolveUser(ctx, input);
    const response = await ctx.client.request<Record<string, unknown>>({
      method: "POST",
      path: `${userPath(ctx, user.id)}/memberOfGroups`,
      body: { id: groupId },
      final: true,
    });
    // The product document's schema wraps the response: rawResponse.groupMembership.
    return succeed({ groupMembership: withoutLinks<PingOneGroupMembership>(response.body) }, response, {
      rawResponse: { groupMembership: response.body ?? {} },
    });
  },
});

export type CreateUserGroupMembershipInput = InputOf<typeof createUserGroupMembership>;
export type CreateUserGroupMembershipOutput = Static<typeof createUserGroupMembership.output>;

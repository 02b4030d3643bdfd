import { Type } from "@sinclair/typebox";
import { defineFragment } from "../kit/definition.js";
import { GROUP_FIELDS_INPUT, GROUP_ID_DESCRIPTION, requireGroupId } from "./group-properties.js";

/**
 * Create and Delete User Group Membership: the group (`group` dropDown with "Use Group ID", or a
 * group id picked from the list), and the group fields the product's shared Input Schema lists,
 * which are accepted and ignored.
 */
export const membershipGroup = defineFragment({
  placement: "last",
  input: {
    group: Type.Optional(Type.String({ default: "useGroupId", description: "The name of the group." })),
    groupId: Type.Optional(Type.String({ minLength: 0, maxLength: 100, description: GROUP_ID_DESCRIPTION })),
    ...GROUP_FIELDS_INPUT,
  },
  properties: {
    group: {
      displayName: "Group",
      control: "dropDown",
      info: "The name of the group.",
      options: [{ name: "Use Group ID", value: "useGroupId" }],
      uiOnly: true,
    },
    groupId: { displayName: "Group ID", control: "textField", info: GROUP_ID_DESCRIPTION },
  },
});

/** The group id: `groupId` with "Use Group ID" (or no choice), else the id the dropDown stored. */
export function membershipGroupId(input: { group?: string; groupId?: string }): string {
  const choice = input.group?.trim();
  return requireGroupId(choice && choice !== "useGroupId" ? choice : input.groupId);
}

import { Type } from "@sinclair/typebox";
import type { PropertyUi } from "../kit/definition.js";
import {
  ESCAPE_IDENTIFIER_INPUT,
  ESCAPE_IDENTIFIER_UI,
  USER_TARGET_INPUT,
  USER_TARGET_UI,
} from "../kit/user-target.js";
import { GROUP_FIELDS_INPUT, GROUP_ID_DESCRIPTION, requireGroupId } from "./group-properties.js";

/**
 * Create and Delete User Group Membership: the target user, the group (`group` dropDown with
 * "Use Group ID", or a group id picked from the list), and the group fields the product's shared
 * Input Schema lists, which are accepted and ignored.
 */
export const MEMBERSHIP_INPUT = {
  ...USER_TARGET_INPUT,
  group: Type.Optional(Type.String({ default: "useGroupId", description: "The name of the group." })),
  groupId: Type.Optional(Type.String({ minLength: 0, maxLength: 100, description: GROUP_ID_DESCRIPTION })),
  ...GROUP_FIELDS_INPUT,
  ...ESCAPE_IDENTIFIER_INPUT,
};

export const MEMBERSHIP_UI: Record<string, PropertyUi> = {
  ...USER_TARGET_UI,
  group: {
    displayName: "Group",
    control: "dropDown",
    info: "The name of the group.",
    options: [{ name: "Use Group ID", value: "useGroupId" }],
    uiOnly: true,
  },
  groupId: { displayName: "Group ID", control: "textField", info: GROUP_ID_DESCRIPTION },
  ...ESCAPE_IDENTIFIER_UI,
};

/** The group id: `groupId` with "Use Group ID" (or no choice), else the id the dropDown stored. */
export function membershipGroupId(input: { group?: string; groupId?: string }): string {
  const choice = input.group?.trim();
  return requireGroupId(choice && choice !== "useGroupId" ? choice : input.groupId);
}

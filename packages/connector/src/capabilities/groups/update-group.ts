import { type Static, Type } from "@sinclair/typebox";
import { CapabilityError } from "../kit/capability-error.js";
import { defineCapability, type InputOf } from "../kit/definition.js";
import { succeed } from "../kit/result.js";
import { outputSchema } from "../kit/schema-helpers.js";
import { GroupSchema, type PingOneGroup } from "../kit/schemas/group.js";
import { withoutLinks } from "../kit/schemas/without-links.js";
import {
  GROUP_FIELDS_INPUT,
  GROUP_FIELDS_UI,
  GROUP_ID_DESCRIPTION,
  GROUP_ID_UI,
  given,
  groupPath,
  METADATA_INPUT,
  metadataFrom,
  requireGroupId,
} from "./group-properties.js";

/** The attributes `PUT P/groups/{id}` replaces; PUT clears what it is not sent, so all are carried over. */
const WRITABLE = ["name", "description", "population", "userFilter", "externalId", "customData"] as const;

/**
 * A30 Update Group: reads the group (it must exist), then replaces it with its current writable
 * attributes overlaid with the properties given. Blank properties keep the current value; metadata
 * given replaces the old metadata entirely.
 */
export const updateGroup = defineCapability({
  id: "updateGroup",
  title: "Update Group",
  description: "Update a user group.",
  // Its groupId has no length limits in the product's Input Schema, unlike groupTarget's.
  input: {
    groupId: Type.String({ description: GROUP_ID_DESCRIPTION }),
    ...GROUP_FIELDS_INPUT,
    ...METADATA_INPUT,
  },
  output: outputSchema({ group: GroupSchema }),
  properties: {
    ...GROUP_ID_UI,
    groupName: GROUP_FIELDS_UI.groupName!,
    description: GROUP_FIELDS_UI.description!,
    userFilter: GROUP_FIELDS_UI.userFilter!,
    useCustomDataText: GROUP_FIELDS_UI.useCustomDataText!,
    customDataArray: GROUP_FIELDS_UI.customDataArray!,
    customDataText: GROUP_FIELDS_UI.customDataText!,
  },
  errors: {
    notFound: "No group has this id.",
    uniquenessViolation: "Another group in the same scope already has this name.",
    invalidValue: "PingOne refused a value (the dynamic user filter, the metadata).",
    invalidFilter: "PingOne refused the dynamic user filter as a filter.",
    invalidInput: "The group id is empty, or the metadata text is not a JSON object.",
  },
  examples: [
    { groupId: "f442f27a-6d9c-4280-891f-bed26a9bd9ce", groupName: "Managers", description: "All managers" },
    {
      groupId: "f442f27a-6d9c-4280-891f-bed26a9bd9ce",
      useCustomDataText: true,
      customDataText: '{"costCenter": "5678"}',
    },
  ],
  async handler(input, ctx) {
    const groupId = requireGroupId(input.groupId);
    const customData = metadataFrom(input);
    const current = await ctx.client.request<Record<string, unknown>>({
      method: "GET",
      path: groupPath(ctx, groupId),
    });
    const body = replacement(current.body ?? {}, {
      name: given(input.groupName),
      description: given(input.description),
      userFilter: given(input.userFilter),
      externalId: given(input.externalId),
      customData,
    });
    if (typeof body.name !== "string" || body.name.trim() === "") {
      throw new CapabilityError("invalidInput", "groupName must not be empty");
    }
    const response = await ctx.client.request<Record<string, unknown>>({
      method: "PUT",
      path: groupPath(ctx, groupId),
      body,
      final: true,
    });
    return succeed({ group: withoutLinks<PingOneGroup>(response.body) }, response);
  },
});

export type UpdateGroupInput = InputOf<typeof updateGroup>;
export type UpdateGroupOutput = Static<typeof updateGroup.output>;

/** The group's current writable attributes with every value given laid over them. */
function replacement(
  current: Record<string, unknown>,
  overlay: Record<string, unknown>,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const attribute of WRITABLE) {
    if (current[attribute] !== undefined) body[attribute] = current[attribute];
  }
  for (const [attribute, value] of Object.entries(overlay)) if (value !== undefined) body[attribute] = value;
  return body;
}

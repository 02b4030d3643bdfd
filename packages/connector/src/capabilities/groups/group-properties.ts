import { Type } from "@sinclair/typebox";
import { isSafePathSegment, pathSegment } from "../../input/path-segment.js";
import { CapabilityError } from "../kit/capability-error.js";
import type { CapabilityContext } from "../kit/context.js";
import { defineFragment, type PropertyUi } from "../kit/definition.js";

export function groupsPath(ctx: CapabilityContext): string {
  return `/environments/${pathSegment(ctx.environmentId)}/groups`;
}

/** `P/groups/{groupId}`. */
export function groupPath(ctx: CapabilityContext, groupId: string): string {
  return `${groupsPath(ctx)}/${pathSegment(groupId)}`;
}

export const GROUP_ID_DESCRIPTION = "The unique identifier for the group.";

export const GROUP_ID_UI: Record<string, PropertyUi> = {
  groupId: { displayName: "Group ID", control: "textField", info: GROUP_ID_DESCRIPTION },
};

/** The group a capability acts on, by id; check it with `requireGroupId`. */
export const groupTarget = defineFragment({
  placement: "first",
  input: { groupId: Type.String({ minLength: 0, maxLength: 100, description: GROUP_ID_DESCRIPTION }) },
  properties: GROUP_ID_UI,
  errors: { notFound: "No group has this id.", invalidInput: "The group id is empty." },
});

/**
 * The group fields the product's Input Schemas list for the group capabilities (and, shared,
 * for the membership ones), all optional here; each capability states which it requires.
 */
export const GROUP_FIELDS_INPUT = {
  groupName: Type.Optional(Type.String({ description: "The name of the group." })),
  description: Type.Optional(Type.String({ description: "The description of the group." })),
  externalId: Type.Optional(Type.String({ description: "The group's identifier in an external system." })),
  userFilter: Type.Optional(Type.String({ description: "SCIM filter for users" })),
  memberGroupRelationship: Type.Optional(Type.Boolean()),
  customData: Type.Optional(
    Type.Object({}, { additionalProperties: true, description: "The group's metadata" }),
  ),
};

/** "Edit Metadata Properties JSON" and the two "Metadata Properties" controls (UI-only). */
export const METADATA_INPUT = {
  useCustomDataText: Type.Optional(
    Type.Boolean({
      default: false,
      description: "Edit the metadata as JSON text instead of key/value pairs.",
    }),
  ),
  customDataArray: Type.Optional(
    Type.Array(Type.Object({ key: Type.String(), value: Type.Optional(Type.Unknown()) }), {
      description: "Metadata as key/value pairs; overwrites the group's current metadata.",
    }),
  ),
  customDataText: Type.Optional(
    Type.String({ description: "Metadata as a JSON object; overwrites the group's current metadata." }),
  ),
};

const METADATA_INFO = "This input will overwrite the current metadata for the group.";

export const GROUP_FIELDS_UI: Record<string, PropertyUi> = {
  groupName: { displayName: "Group Name", control: "textField", info: "The name of the group." },
  description: {
    displayName: "Group Description",
    control: "textArea",
    info: "The description of the group.",
  },
  userFilter: {
    displayName: "Dynamic User Filter",
    control: "textField",
    info: "A filter to automatically assign users to the group.",
  },
  useCustomDataText: { displayName: "Edit Metadata Properties JSON", control: "toggleSwitch", uiOnly: true },
  customDataArray: {
    displayName: "Metadata Properties",
    control: "keyValueList",
    info: METADATA_INFO,
    uiOnly: true,
  },
  customDataText: {
    displayName: "Metadata Properties",
    control: "textArea",
    info: METADATA_INFO,
    uiOnly: true,
  },
};

/**
 * The metadata a node sets, or undefined when it sets none: the JSON text with the toggle on,
 * the key/value list with it off, and the schema's `customData` object when neither is filled.
 */
export function metadataFrom(input: {
  useCustomDataText?: boolean;
  customDataArray?: { key: string; value?: unknown }[];
  customDataText?: string;
  customData?: Record<string, unknown>;
}): Record<string, unknown> | undefined {
  if (input.useCustomDataText) {
    const text = input.customDataText?.trim() ?? "";
    if (text !== "") return parseMetadataText(text);
    return input.customData;
  }
  const pairs = input.customDataArray?.filter((pair) => pair.key !== "") ?? [];
  if (pairs.length > 0) return Object.fromEntries(pairs.map((pair) => [pair.key, pair.value ?? ""]));
  return input.customData;
}

function parseMetadataText(text: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new CapabilityError("invalidInput", "customDataText is not valid JSON");
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new CapabilityError("invalidInput", "customDataText must be a JSON object");
  }
  return parsed as Record<string, unknown>;
}

/** Optional text a DaVinci node leaves blank as "": blank means "not given". */
export function given(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}

/**
 * The group id a capability acts on: empty → `invalidInput`; `.` or `..`, which no group can
 * have and which would move the call to another path, → `notFound` without a call.
 */
export function requireGroupId(value: string | undefined): string {
  const groupId = given(value);
  if (groupId === undefined) {
    throw new CapabilityError("invalidInput", "groupId must not be empty");
  }
  if (!isSafePathSegment(groupId)) {
    throw new CapabilityError("notFound", "No group has this id", { httpResponseCode: 404 });
  }
  return groupId;
}

import { Type } from "@sinclair/typebox";
import { defineFragment } from "./definition.js";

/**
 * The "Search Special-Character Usernames" toggle. Identifiers are escaped whatever its value, so
 * it is accepted for compatibility and has no effect (docs/connector-capabilities.md#user-resolution).
 */
export const escapeIdentifier = defineFragment({
  placement: "last",
  input: {
    escapeIdentifier: Type.Optional(
      Type.Boolean({ default: false, description: "Automatically escape the user attributes." }),
    ),
  },
  properties: {
    escapeIdentifier: {
      displayName: "Search Special-Character Usernames",
      control: "toggleSwitch",
      info: "A toggle switch to automatically escape the user attributes.",
      uiOnly: true,
    },
  },
});

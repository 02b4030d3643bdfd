import type { Static } from "@sinclair/typebox";
import { defineCapability, type InputOf } from "../kit/definition.js";
import { succeed } from "../kit/result.js";
import { outputSchema } from "../kit/schema-helpers.js";
import { groupPath, groupTarget, requireGroupId } from "./group-properties.js";

/** A31 Delete Group: `DELETE P/groups/{groupId}` → 204. */
export const deleteGroup = defineCapability({
  id: "deleteGroup",
  title: "Delete Group",
  description: "Delete a user group.",
  uses: [groupTarget],
  output: outputSchema({}),
  examples: [{ groupId: "f442f27a-6d9c-4280-891f-bed26a9bd9ce" }],
  async handler(input, ctx) {
    const response = await ctx.client.request({
      method: "DELETE",
      path: groupPath(ctx, requireGroupId(input.groupId)),
      final: true,
    });
    return succeed({}, response);
  },
});

export type DeleteGroupInput = InputOf<typeof deleteGroup>;
export type DeleteGroupOutput = Static<typeof deleteGroup.output>;

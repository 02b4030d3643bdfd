import { type Static, Type } from "@sinclair/typebox";
import { defineCapability } from "../kit/definition.js";
import { succeed } from "../kit/result.js";
import { outputSchema } from "../kit/schema-helpers.js";
import { GROUP_ID_DESCRIPTION, GROUP_ID_UI, groupPath, requireGroupId } from "./group-properties.js";

const DeleteGroupInput = Type.Object({
  groupId: Type.String({ minLength: 0, maxLength: 100, description: GROUP_ID_DESCRIPTION }),
});
const DeleteGroupOutput = outputSchema({});

export type DeleteGroupInput = Static<typeof DeleteGroupInput>;
export type DeleteGroupOutput = Static<typeof DeleteGroupOutput>;

/** A31 Delete Group: `DELETE P/groups/{groupId}` → 204. */
export const deleteGroup = defineCapability({
  id: "deleteGroup",
  title: "Delete Group",
  description: "Delete a user group.",
  input: DeleteGroupInput,
  output: DeleteGroupOutput,
  properties: GROUP_ID_UI,
  errors: {
    notFound: "No group has this id.",
    invalidInput: "The group id is empty.",
    accessFailed: "The worker application lacks the roles or credentials for this call.",
    unexpectedError: "PingOne or the network failed unexpectedly.",
  },
  examples: [{ groupId: "f442f27a-6d9c-4280-891f-bed26a9bd9ce" }],
  async handler(input, ctx) {
    const groupId = requireGroupId(input.groupId);
    const response = await ctx.client.request({
      method: "DELETE",
      path: groupPath(ctx, groupId),
      final: true,
    });
    return succeed({}, response);
  },
});

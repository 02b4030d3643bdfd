import { type Static, Type } from "@sinclair/typebox";
import { defineCapability } from "../kit/definition.js";
import { succeed } from "../kit/result.js";
import { outputSchema } from "../kit/schema-helpers.js";
import { GroupSchema, type PingOneGroup } from "../kit/schemas/group.js";
import { withoutLinks } from "../kit/schemas/without-links.js";
import { GROUP_ID_DESCRIPTION, GROUP_ID_UI, groupPath, requireGroupId } from "./group-properties.js";

const ReadGroupInput = Type.Object({
  groupId: Type.String({ minLength: 0, maxLength: 100, description: GROUP_ID_DESCRIPTION }),
});
const ReadGroupOutput = outputSchema({ group: GroupSchema });

export type ReadGroupInput = Static<typeof ReadGroupInput>;
export type ReadGroupOutput = Static<typeof ReadGroupOutput>;

/** A29 Read Group: `GET P/groups/{groupId}`, with the member counts. */
export const readGroup = defineCapability({
  id: "readGroup",
  title: "Read Group",
  description: "Read a user group.",
  input: ReadGroupInput,
  output: ReadGroupOutput,
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
    const response = await ctx.client.request<Record<string, unknown>>({
      method: "GET",
      path: groupPath(ctx, groupId),
      query: { include: "totalMemberCounts" },
      final: true,
    });
    return succeed({ group: withoutLinks<PingOneGroup>(response.body) }, response);
  },
});

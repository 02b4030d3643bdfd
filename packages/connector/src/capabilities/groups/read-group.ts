import type { Static } from "@sinclair/typebox";
import { defineCapability, type InputOf } from "../kit/definition.js";
import { succeed } from "../kit/result.js";
import { outputSchema } from "../kit/schema-helpers.js";
import { GroupSchema, type PingOneGroup } from "../kit/schemas/group.js";
import { withoutLinks } from "../kit/schemas/without-links.js";
import { groupPath, groupTarget, requireGroupId } from "./group-properties.js";

/** A29 Read Group: `GET P/groups/{groupId}`, with the member counts. */
export const readGroup = defineCapability({
  id: "readGroup",
  title: "Read Group",
  description: "Read a user group.",
  uses: [groupTarget],
  output: outputSchema({ group: GroupSchema }),
  examples: [{ groupId: "f442f27a-6d9c-4280-891f-bed26a9bd9ce" }],
  async handler(input, ctx) {
    const response = await ctx.client.request<Record<string, unknown>>({
      method: "GET",
      path: groupPath(ctx, requireGroupId(input.groupId)),
      query: { include: "totalMemberCounts" },
      final: true,
    });
    return succeed({ group: withoutLinks<PingOneGroup>(response.body) }, response);
  },
});

export type ReadGroupInput = InputOf<typeof readGroup>;
export type ReadGroupOutput = Static<typeof readGroup.output>;
